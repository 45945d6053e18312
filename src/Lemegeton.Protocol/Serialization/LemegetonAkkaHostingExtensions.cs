using Akka.Hosting;

namespace Lemegeton.Protocol.Serialization;

/// <summary>Binds <see cref="LemegetonSerializer"/> through Akka.Hosting.</summary>
public static class LemegetonAkkaHostingExtensions
{
    /// <summary>
    /// Registers the serializer under <c>lemegeton</c> for <see cref="IProtocolMessage"/> and
    /// <see cref="IPersistedEvent"/>, knowing the protocol messages plus the types of <paramref name="additional"/>
    /// (e.g. the hub's journaled events).
    /// </summary>
    public static AkkaConfigurationBuilder WithLemegetonSerializer(this AkkaConfigurationBuilder builder, params MessageRegistry[] additional)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var registry = MessageRegistry.Combine([ProtocolMessages.Registry, .. additional]);
        return builder.WithCustomSerializer(LemegetonSerializer.Alias, LemegetonSerializer.BoundTypes, system => new LemegetonSerializer(system, registry));
    }
}
