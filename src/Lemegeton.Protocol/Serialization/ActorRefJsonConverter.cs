using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;

namespace Lemegeton.Protocol.Serialization;

/// <summary>
/// Writes an <see cref="IActorRef"/> as its serialized actor path (with the transport address when
/// written for remoting) and resolves it back through the actor system's provider. Reading only works
/// inside <see cref="LemegetonSerializer"/>, which supplies the system; put
/// <c>[property: JsonConverter(typeof(ActorRefJsonConverter))]</c> on every <see cref="IActorRef"/>
/// field of a registered type.
/// </summary>
public sealed class ActorRefJsonConverter : JsonConverter<IActorRef>
{
    [ThreadStatic] private static ExtendedActorSystem? _currentSystem;

    public override bool HandleNull => true;

    public override IActorRef? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"An actor reference must be a JSON string (its path), not {reader.TokenType}.");
        var path = reader.GetString()!;
        if (path.Length == 0) return ActorRefs.Nobody;
        var system = _currentSystem
            ?? throw new JsonException("An actor reference can only be read through LemegetonSerializer, which knows the actor system to resolve it in.");
        return system.Provider.ResolveActorRef(path);
    }

    public override void Write(Utf8JsonWriter writer, IActorRef? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(Akka.Serialization.Serialization.SerializedActorPath(value));
    }

    /// <summary>Makes <paramref name="system"/> the one actor references are resolved in on this thread until disposed.</summary>
    internal static SystemScope Use(ExtendedActorSystem system)
    {
        var previous = _currentSystem;
        _currentSystem = system;
        return new SystemScope(previous);
    }

    internal readonly struct SystemScope(ExtendedActorSystem? previous) : IDisposable
    {
        public void Dispose() => _currentSystem = previous;
    }
}
