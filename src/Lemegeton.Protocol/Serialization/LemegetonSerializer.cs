using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;

namespace Lemegeton.Protocol.Serialization;

/// <summary>
/// Akka serializer for protocol messages and journaled events: System.Text.Json with source-generated
/// metadata, a stable string manifest per type from a <see cref="MessageRegistry"/>. Every failure is a
/// <see cref="SerializationException"/>, which Akka remoting logs and drops without ending the
/// association, and which a journal reports as a failed event instead of a crash.
/// </summary>
public class LemegetonSerializer : SerializerWithStringManifest
{
    /// <summary>The serializer's identifier in Akka, written beside every payload; never change it.</summary>
    public const int SerializerIdentifier = 1641;

    /// <summary>The name the serializer is registered under in <c>akka.actor.serializers</c>.</summary>
    public const string Alias = "lemegeton";

    /// <summary>The marker types bound to the serializer.</summary>
    public static IReadOnlyList<Type> BoundTypes { get; } = [typeof(IProtocolMessage), typeof(IPersistedEvent)];

    private readonly MessageRegistry _registry;

    /// <summary>Protocol messages only; the constructor Akka calls when the serializer is configured in HOCON.</summary>
    public LemegetonSerializer(ExtendedActorSystem system) : this(system, ProtocolMessages.Registry) { }

    /// <summary>The types of <paramref name="registry"/> (combine it with <see cref="ProtocolMessages.Registry"/> to keep the protocol).</summary>
    public LemegetonSerializer(ExtendedActorSystem system, MessageRegistry registry) : base(system)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
    }

    public override int Identifier => SerializerIdentifier;

    /// <summary>The registry this serializer writes and reads.</summary>
    public MessageRegistry Registry => _registry;

    public override string Manifest(object o) => Find(o).Manifest;

    public override byte[] ToBinary(object obj)
    {
        var registration = Find(obj);
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(obj, registration.TypeInfo);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new SerializationException($"Could not serialize {registration.Manifest} ({obj.GetType()}): {e.Message}", e);
        }
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        if (!_registry.TryGetByManifest(manifest, out var registration))
            throw new SerializationException(
                $"Unknown manifest '{manifest}' ({bytes.Length} bytes dropped): this node knows {_registry.Registrations.Count} manifests of protocol v{ProtocolVersion.Current}. The sender may run a newer or different Lemegeton version.");
        object? result;
        try
        {
            using (ActorRefJsonConverter.Use(system))
                result = JsonSerializer.Deserialize(bytes, registration.TypeInfo);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new SerializationException($"Malformed {manifest} payload ({bytes.Length} bytes): {e.Message}", e);
        }
        return result ?? throw new SerializationException($"Malformed {manifest} payload ({bytes.Length} bytes): the JSON is null, an object was expected.");
    }

    private MessageRegistration Find(object obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return _registry.TryGetByType(obj.GetType(), out var registration)
            ? registration
            : throw new SerializationException(
                $"LemegetonSerializer cannot write {obj.GetType()}: it is bound to the serializer (through IProtocolMessage or IPersistedEvent) but registered in no MessageRegistry given to it. Add it with MessageRegistry.CreateBuilder().Add(manifest, context.TypeInfo).");
    }
}
