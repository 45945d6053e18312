using System.Runtime.Serialization;
using System.Text;
using System.Text.Json;
using Akka.Actor;
using FsCheck;
using FsCheck.Fluent;
using Lemegeton.Protocol.Coordination;
using Lemegeton.Protocol.Serialization;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Tests.Infrastructure;
using Lemegeton.Protocol.Validation;
using Lemegeton.Protocol.Work;

namespace Lemegeton.Protocol.Tests.Serialization;

public sealed class LemegetonSerializerTests(LocalSystemFixture fixture) : IClassFixture<LocalSystemFixture>
{
    private readonly LemegetonSerializer _serializer = fixture.Serializer;

    [Fact]
    public void Every_message_type_round_trips_with_random_content()
    {
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            foreach (var message in MessageSamples.Random(seed))
            {
                var bytes = _serializer.ToBinary(message);
                var manifest = _serializer.Manifest(message);
                var back = _serializer.FromBinary(bytes, manifest);
                StructuralEquality.AssertEqual(message, back);
                Assert.Equal(bytes, _serializer.ToBinary(back));
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Every_protocol_message_is_bound_to_the_lemegeton_serializer_not_the_default()
    {
        foreach (var message in MessageSamples.Valid)
        {
            var serializer = fixture.System.Serialization.FindSerializerFor(message);
            Assert.IsType<LemegetonSerializer>(serializer);
            Assert.Equal(LemegetonSerializer.SerializerIdentifier, serializer.Identifier);
        }
    }

    [Fact]
    public void Through_akkas_serialization_extension_every_message_comes_back_equal()
    {
        var serialization = fixture.System.Serialization;
        foreach (var message in MessageSamples.Valid)
        {
            var serializer = serialization.FindSerializerFor(message);
            var bytes = serialization.Serialize(message);
            var back = serialization.Deserialize(bytes, serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, message));
            StructuralEquality.AssertEqual(message, back);
        }
    }

    [Fact]
    public void An_unknown_manifest_is_a_serialization_exception_naming_it()
    {
        var e = Assert.Throws<SerializationException>(() => _serializer.FromBinary("{}"u8.ToArray(), "lemegeton.v9.Teleport"));
        Assert.Contains("Unknown manifest 'lemegeton.v9.Teleport'", e.Message);
        Assert.Contains("protocol v1", e.Message);
    }

    [Theory]
    [InlineData("lemegeton.v1.Heartbeat", "")]
    [InlineData("lemegeton.v1.Heartbeat", "{")]
    [InlineData("lemegeton.v1.Heartbeat", "null")]
    [InlineData("lemegeton.v1.Heartbeat", "[]")]
    [InlineData("lemegeton.v1.Heartbeat", "{\"seq\":\"twelve\",\"state\":\"idle\"}")]
    [InlineData("lemegeton.v1.Heartbeat", "{\"seq\":1.5}")]
    [InlineData("lemegeton.v1.Heartbeat", "{\"seq\":99999999999999999999}")]
    [InlineData("lemegeton.v1.ModeAnnouncement", "{\"mode\":\"sideways\",\"action\":\"MERGE_TO_MAIN\"}")]
    [InlineData("lemegeton.v1.AssignPr", "{\"files\":\"src/a.cs\"}")]
    [InlineData("lemegeton.v1.Ack", "{\"re\":\"c-1\"} trailing")]
    public void A_malformed_payload_is_a_serialization_exception_naming_the_manifest(string manifest, string json)
    {
        var e = Assert.Throws<SerializationException>(() => _serializer.FromBinary(Encoding.UTF8.GetBytes(json), manifest));
        Assert.StartsWith($"Malformed {manifest} payload", e.Message);
    }

    [Fact]
    public void Invalid_utf8_is_a_serialization_exception()
    {
        var bytes = "{\"re\":\""u8.ToArray().Concat(new byte[] { 0xC3, 0x28 }).Concat("\"}"u8.ToArray()).ToArray();
        Assert.Throws<SerializationException>(() => _serializer.FromBinary(bytes, "lemegeton.v1.Ack"));
    }

    [Fact]
    public void Random_bytes_under_any_manifest_never_fail_with_anything_but_a_serialization_exception()
    {
        var manifests = ProtocolMessages.Registry.Registrations.Select(r => r.Manifest).ToArray();
        var jsonish = Gen.Elements("{", "}", "[", "]", "\"", ":", ",", "seq", "re", "files", "1", "-", "null", "true", "\\u0000", " ", "\"mode\"", "\"idle\"");
        var payload = Gen.OneOf(
            Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)),
            Gen.ArrayOf(jsonish).Select(parts => Encoding.UTF8.GetBytes(string.Concat(parts))));
        Prop.ForAll(Arb.From(Gen.Elements(manifests)), Arb.From(payload), (manifest, bytes) =>
        {
            var error = Record.Exception(() => _serializer.FromBinary(bytes, manifest));
            Assert.True(error is null or SerializationException, $"{manifest}: {error}");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Unknown_json_properties_are_ignored_so_additive_fields_stay_compatible()
    {
        var back = _serializer.FromBinary("{\"graceMs\":5000,\"reason\":\"from a newer hub\",\"extra\":{\"a\":[1,2]}}"u8.ToArray(), "lemegeton.v1.Shutdown");
        Assert.Equal(new Shutdown(5000), back);
    }

    [Fact]
    public void Missing_fields_come_through_as_null_for_the_validator_to_answer()
    {
        var back = Assert.IsType<Heartbeat>(_serializer.FromBinary("{\"seq\":3}"u8.ToArray(), "lemegeton.v1.Heartbeat"));
        Assert.Equal(3, back.Seq);
        Assert.Null(back.State);
    }

    [Fact]
    public void Enum_fields_are_written_as_their_protocol_names()
    {
        var json = Encoding.UTF8.GetString(_serializer.ToBinary(new ModeAnnouncement(CoordinationMode.Isolated, ModeAction.ResumeCoordination)));
        Assert.Equal("{\"mode\":\"isolated\",\"action\":\"RESUME_COORDINATION\"}", json);
    }

    [Fact]
    public void Writing_a_bound_but_unregistered_type_is_a_serialization_exception_naming_it()
    {
        var e = Assert.Throws<SerializationException>(() => _serializer.ToBinary(new Unregistered(1)));
        Assert.Contains(typeof(Unregistered).FullName!, e.Message);
        Assert.Throws<SerializationException>(() => _serializer.Manifest(new Unregistered(1)));
    }

    [Fact]
    public void A_lone_surrogate_in_text_fails_as_a_serialization_exception_if_at_all()
    {
        var error = Record.Exception(() => _serializer.ToBinary(new Ack("c-\uD800")));
        Assert.True(error is null or SerializationException, error?.ToString());
    }

    [Fact]
    public void An_actor_reference_is_written_as_its_path_and_resolved_back_in_the_system()
    {
        var actor = fixture.System.ActorOf(Props.Empty, "agent-session");
        var bytes = _serializer.ToBinary(new AgentSeen("worker-1", actor));
        Assert.Contains("/user/agent-session", Encoding.UTF8.GetString(bytes));

        var back = Assert.IsType<AgentSeen>(_serializer.FromBinary(bytes, "lemegeton.test.AgentSeen"));
        Assert.Equal(actor, back.Agent);
    }

    [Fact]
    public void An_actor_reference_cannot_be_read_outside_the_serializer()
    {
        var actor = fixture.System.ActorOf(Props.Empty);
        var bytes = _serializer.ToBinary(new AgentSeen("worker-1", actor));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(bytes, TestJsonContext.Default.AgentSeen));
    }

    [Fact]
    public void The_largest_valid_assignment_fits_the_recommended_frame_size()
    {
        var files = Enumerable.Range(0, ProtocolLimits.MaxFiles)
            .Select(i => $"{i:D3}/" + new string('€', ProtocolLimits.MaxPathLength - 4)).ToList();
        var largest = new AssignPr(
            new string('c', ProtocolLimits.MaxIdLength), new string('p', ProtocolLimits.MaxIdLength),
            new string('€', ProtocolLimits.MaxTextLength), WorkKind.Implement, files, long.MaxValue,
            new string('b', ProtocolLimits.MaxBranchLength), new string('€', ProtocolLimits.MaxBodyLength));
        Assert.Null(ProtocolValidator.Validate(largest));

        var size = _serializer.ToBinary(largest).Length;
        Assert.True(size < ProtocolLimits.RecommendedMaximumFrameSize, $"{size} bytes");
        Assert.True(size > 128_000, "the default Akka frame size would already drop it");
    }

    [Fact]
    public void Non_ascii_text_is_written_as_utf8_not_escaped()
    {
        var json = Encoding.UTF8.GetString(_serializer.ToBinary(new Bye("arrêté ✓ l'agent")));
        Assert.Equal("{\"reason\":\"arrêté ✓ l'agent\"}", json);
    }
}
