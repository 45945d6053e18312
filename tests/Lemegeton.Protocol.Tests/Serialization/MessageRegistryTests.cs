using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lemegeton.Protocol.Serialization;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Tests.Infrastructure;

namespace Lemegeton.Protocol.Tests.Serialization;

public sealed class MessageRegistryTests
{
    [Fact]
    public void A_manifest_registered_twice_is_refused()
    {
        var builder = MessageRegistry.CreateBuilder().Add("x.Rogue", TestJsonContext.Default.Rogue);
        var e = Assert.Throws<ArgumentException>(() => builder.Add("x.Rogue", TestJsonContext.Default.BrokenReader));
        Assert.Contains("Manifest 'x.Rogue' is registered twice", e.Message);
    }

    [Fact]
    public void A_type_registered_twice_is_refused()
    {
        var builder = MessageRegistry.CreateBuilder().Add("x.Rogue", TestJsonContext.Default.Rogue);
        var e = Assert.Throws<ArgumentException>(() => builder.Add("x.Rogue2", TestJsonContext.Default.Rogue));
        Assert.Contains("registered twice", e.Message);
    }

    [Fact]
    public void Reflection_based_metadata_is_refused()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        var reflected = (JsonTypeInfo<Rogue>)options.GetTypeInfo(typeof(Rogue));
        var e = Assert.Throws<ArgumentException>(() => MessageRegistry.CreateBuilder().Add("x.Rogue", reflected));
        Assert.Contains("source-generated", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("tab\there")]
    public void A_manifest_with_whitespace_or_empty_is_refused(string manifest) =>
        Assert.Throws<ArgumentException>(() => MessageRegistry.CreateBuilder().Add(manifest, TestJsonContext.Default.Rogue));

    [Fact]
    public void Combining_keeps_every_registration_and_refuses_overlaps()
    {
        var combined = MessageRegistry.Combine(ProtocolMessages.Registry, TestRegistries.Receiver);
        Assert.Equal(ProtocolMessages.Registry.Registrations.Count + TestRegistries.Receiver.Registrations.Count, combined.Registrations.Count);
        Assert.True(combined.TryGetByManifest("lemegeton.v1.Heartbeat", out var heartbeat));
        Assert.Equal(typeof(Heartbeat), heartbeat.Type);
        Assert.True(combined.TryGetByType(typeof(AgentSeen), out var seen));
        Assert.Equal("lemegeton.test.AgentSeen", seen.Manifest);

        Assert.Throws<ArgumentException>(() => MessageRegistry.Combine(TestRegistries.Receiver, TestRegistries.Sender));
    }
}
