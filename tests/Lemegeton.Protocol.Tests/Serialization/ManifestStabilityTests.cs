using System.Runtime.CompilerServices;
using System.Text;
using Lemegeton.Protocol.Coordination;
using Lemegeton.Protocol.Errors;
using Lemegeton.Protocol.Leases;
using Lemegeton.Protocol.Queries;
using Lemegeton.Protocol.Serialization;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Tests.Infrastructure;
using Lemegeton.Protocol.Work;

namespace Lemegeton.Protocol.Tests.Serialization;

/// <summary>
/// The wire format is frozen: these manifests, the serializer id and the golden JSON files may only
/// ever be added to. Regenerate missing golden files with LEMEGETON_UPDATE_GOLDEN=1 (never to paper
/// over a changed one).
/// </summary>
public sealed class ManifestStabilityTests(LocalSystemFixture fixture) : IClassFixture<LocalSystemFixture>
{
    private static readonly (Type Type, string Manifest)[] Frozen =
    [
        (typeof(RegisterAgent), "lemegeton.v1.RegisterAgent"),
        (typeof(Welcome), "lemegeton.v1.Welcome"),
        (typeof(Heartbeat), "lemegeton.v1.Heartbeat"),
        (typeof(Bye), "lemegeton.v1.Bye"),
        (typeof(Ack), "lemegeton.v1.Ack"),
        (typeof(AssignPr), "lemegeton.v1.AssignPr"),
        (typeof(ProgressReport), "lemegeton.v1.ProgressReport"),
        (typeof(CompletePr), "lemegeton.v1.CompletePr"),
        (typeof(FailPr), "lemegeton.v1.FailPr"),
        (typeof(RevokePr), "lemegeton.v1.RevokePr"),
        (typeof(AcquireLeases), "lemegeton.v1.AcquireLeases"),
        (typeof(LeasesGranted), "lemegeton.v1.LeasesGranted"),
        (typeof(LeasesDenied), "lemegeton.v1.LeasesDenied"),
        (typeof(ReleaseLeases), "lemegeton.v1.ReleaseLeases"),
        (typeof(ModeAnnouncement), "lemegeton.v1.ModeAnnouncement"),
        (typeof(Shutdown), "lemegeton.v1.Shutdown"),
        (typeof(ProtocolError), "lemegeton.v1.ProtocolError"),
        (typeof(ExplainPrRequest), "lemegeton.v1.ExplainPrRequest"),
        (typeof(PrExplained), "lemegeton.v1.PrExplained"),
    ];

    [Fact]
    public void The_serializer_identifier_never_changes() => Assert.Equal(1641, fixture.Serializer.Identifier);

    [Fact]
    public void Every_frozen_manifest_still_names_its_type()
    {
        foreach (var (type, manifest) in Frozen)
        {
            Assert.True(ProtocolMessages.Registry.TryGetByManifest(manifest, out var registration), $"{manifest} is no longer registered");
            Assert.Equal(type, registration.Type);
        }
    }

    [Fact]
    public void Every_registered_manifest_is_frozen_here()
    {
        var frozen = Frozen.Select(f => f.Manifest).ToHashSet();
        var unfrozen = ProtocolMessages.Registry.Registrations.Select(r => r.Manifest).Where(m => !frozen.Contains(m)).ToList();
        Assert.True(unfrozen.Count == 0, $"Add these manifests to the frozen table and docs/protocol.md: {string.Join(", ", unfrozen)}");
    }

    [Fact]
    public void Every_protocol_message_type_is_registered()
    {
        var types = typeof(IProtocolMessage).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IProtocolMessage).IsAssignableFrom(t));
        foreach (var type in types)
            Assert.True(ProtocolMessages.Registry.TryGetByType(type, out _), $"{type} implements IProtocolMessage but has no manifest");
    }

    [Fact]
    public void Every_sample_has_a_golden_file_with_its_exact_json()
    {
        Assert.Equal(Frozen.Length, MessageSamples.Valid.Count);
        foreach (var message in MessageSamples.Valid)
        {
            var manifest = fixture.Serializer.Manifest(message);
            var json = Encoding.UTF8.GetString(fixture.Serializer.ToBinary(message));
            var path = GoldenPath(manifest);
            if (!File.Exists(path) && Environment.GetEnvironmentVariable("LEMEGETON_UPDATE_GOLDEN") == "1")
                File.WriteAllText(path, json + "\n");
            Assert.True(File.Exists(path), $"Missing golden file {path}; create it with LEMEGETON_UPDATE_GOLDEN=1");
            Assert.Equal(File.ReadAllText(path).TrimEnd('\n'), json);
        }
    }

    [Fact]
    public void Every_golden_file_still_reads_as_its_sample()
    {
        foreach (var message in MessageSamples.Valid)
        {
            var manifest = fixture.Serializer.Manifest(message);
            var back = fixture.Serializer.FromBinary(File.ReadAllBytes(GoldenPath(manifest)), manifest);
            StructuralEquality.AssertEqual(message, back);
        }
    }

    private static string GoldenPath(string manifest, [CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "..", "Golden", manifest + ".json");
}
