using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Serialization;

namespace Lemegeton.Protocol.Serialization;

/// <summary>Ways to bind <see cref="LemegetonSerializer"/> to an actor system without Akka.Hosting.</summary>
public static class LemegetonSerialization
{
    /// <summary>
    /// HOCON that binds the protocol messages and <see cref="IPersistedEvent"/> to the serializer. From
    /// HOCON Akka uses the one-argument constructor, which knows the protocol messages only; for events
    /// use <see cref="CreateSetup"/> or the Akka.Hosting extension, or subclass the serializer.
    /// </summary>
    public const string Hocon = """
        akka.actor {
          serializers {
            lemegeton = "Lemegeton.Protocol.Serialization.LemegetonSerializer, Lemegeton.Protocol"
          }
          serialization-bindings {
            "Lemegeton.Protocol.IProtocolMessage, Lemegeton.Protocol" = lemegeton
            "Lemegeton.Protocol.Serialization.IPersistedEvent, Lemegeton.Protocol" = lemegeton
          }
        }
        """;

    /// <summary>The details Akka needs for the serializer, knowing the protocol messages plus <paramref name="additional"/>.</summary>
    public static SerializerDetails CreateDetails(ExtendedActorSystem system, params IEnumerable<MessageRegistry> additional) =>
        SerializerDetails.Create(
            LemegetonSerializer.Alias,
            new LemegetonSerializer(system, MessageRegistry.Combine([ProtocolMessages.Registry, .. additional])),
            [.. LemegetonSerializer.BoundTypes]);

    /// <summary>A setup for <see cref="ActorSystem.Create(string, ActorSystemSetup)"/> that binds the serializer.</summary>
    public static SerializationSetup CreateSetup(params MessageRegistry[] additional) =>
        SerializationSetup.Create(system => [CreateDetails(system, additional)]);
}
