using System.Text.Json.Serialization;
using Akka.Actor;
using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Protocol.Tests.Infrastructure;

/// <summary>A protocol message no receiver knows: registered on the sending side only.</summary>
public sealed record Rogue(string Text) : IProtocolMessage;

/// <summary>Sent under the manifest <see cref="TestRegistries.BrokenManifest"/> with a string where the receiver expects a number.</summary>
public sealed record BrokenWriter(string Seq) : IProtocolMessage;

/// <summary>What the receiver reads <see cref="TestRegistries.BrokenManifest"/> as.</summary>
public sealed record BrokenReader(long Seq) : IProtocolMessage;

/// <summary>A journaled event carrying an actor reference, as the hub's <c>AgentRegistered</c> might.</summary>
public sealed record AgentSeen(
    string AgentId,
    [property: JsonConverter(typeof(ActorRefJsonConverter))] IActorRef Agent) : IPersistedEvent;

/// <summary>A protocol-marked type registered nowhere.</summary>
public sealed record Unregistered(int Value) : IProtocolMessage;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Rogue))]
[JsonSerializable(typeof(BrokenWriter))]
[JsonSerializable(typeof(BrokenReader))]
[JsonSerializable(typeof(AgentSeen))]
internal sealed partial class TestJsonContext : JsonSerializerContext;

internal static class TestRegistries
{
    public const string BrokenManifest = "lemegeton.test.Broken";

    /// <summary>The hub-like side: knows <see cref="AgentSeen"/> and reads the broken manifest as a number.</summary>
    public static MessageRegistry Receiver { get; } = MessageRegistry.CreateBuilder()
        .Add("lemegeton.test.AgentSeen", TestJsonContext.Default.AgentSeen)
        .Add(BrokenManifest, TestJsonContext.Default.BrokenReader)
        .Build();

    /// <summary>The misbehaving side: also writes <see cref="Rogue"/>, and writes the broken manifest as a string.</summary>
    public static MessageRegistry Sender { get; } = MessageRegistry.CreateBuilder()
        .Add("lemegeton.test.AgentSeen", TestJsonContext.Default.AgentSeen)
        .Add("lemegeton.test.Rogue", TestJsonContext.Default.Rogue)
        .Add(BrokenManifest, TestJsonContext.Default.BrokenWriter)
        .Build();
}
