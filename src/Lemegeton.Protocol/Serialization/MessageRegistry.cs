using System.Collections.Frozen;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Lemegeton.Protocol.Serialization;

/// <summary>
/// The manifest ⇄ type ⇄ <see cref="JsonTypeInfo"/> table the Lemegeton serializer works from. Only
/// metadata produced by a source-generated <see cref="JsonSerializerContext"/> is accepted, so nothing
/// is ever serialized by reflection. Immutable; build one with <see cref="CreateBuilder"/>.
/// </summary>
public sealed class MessageRegistry
{
    private const int MaxManifestLength = 200;

    private readonly FrozenDictionary<string, MessageRegistration> _byManifest;
    private readonly FrozenDictionary<Type, MessageRegistration> _byType;

    private MessageRegistry(IReadOnlyList<MessageRegistration> registrations)
    {
        Registrations = registrations;
        _byManifest = registrations.ToFrozenDictionary(r => r.Manifest, StringComparer.Ordinal);
        _byType = registrations.ToFrozenDictionary(r => r.Type);
    }

    /// <summary>Every registration, in the order added.</summary>
    public IReadOnlyList<MessageRegistration> Registrations { get; }

    /// <summary>Starts an empty registry.</summary>
    public static Builder CreateBuilder() => new();

    /// <summary>One registry holding the registrations of all given ones; a manifest or type registered twice is an error.</summary>
    public static MessageRegistry Combine(params IEnumerable<MessageRegistry> registries)
    {
        var builder = new Builder();
        foreach (var registry in registries)
            foreach (var registration in registry.Registrations)
                builder.Add(registration);
        return builder.Build();
    }

    public bool TryGetByManifest(string manifest, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MessageRegistration? registration) =>
        _byManifest.TryGetValue(manifest, out registration);

    public bool TryGetByType(Type type, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MessageRegistration? registration) =>
        _byType.TryGetValue(type, out registration);

    /// <summary>Collects registrations; <see cref="Build"/> freezes them.</summary>
    public sealed class Builder
    {
        private readonly List<MessageRegistration> _registrations = [];
        private readonly HashSet<string> _manifests = new(StringComparer.Ordinal);
        private readonly HashSet<Type> _types = [];

        internal Builder() { }

        /// <summary>
        /// Registers <typeparamref name="T"/> under <paramref name="manifest"/>; pass the context's
        /// property for the type, e.g. <c>ProtocolJsonContext.Default.Heartbeat</c>.
        /// </summary>
        public Builder Add<T>(string manifest, JsonTypeInfo<T> typeInfo) where T : class =>
            Add(new MessageRegistration(manifest, typeof(T), typeInfo));

        internal Builder Add(MessageRegistration registration)
        {
            ArgumentNullException.ThrowIfNull(registration);
            var manifest = registration.Manifest;
            if (string.IsNullOrEmpty(manifest) || manifest.Length > MaxManifestLength || manifest.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                throw new ArgumentException($"Manifest '{manifest}' for {registration.Type} must be 1–{MaxManifestLength} characters without whitespace or control characters.", nameof(registration));
            if (registration.TypeInfo.Type != registration.Type)
                throw new ArgumentException($"The JSON metadata for manifest '{manifest}' describes {registration.TypeInfo.Type}, not {registration.Type}.", nameof(registration));
            if (registration.TypeInfo.OriginatingResolver is not JsonSerializerContext)
                throw new ArgumentException($"The JSON metadata for manifest '{manifest}' ({registration.Type}) does not come from a source-generated JsonSerializerContext; reflection-based metadata is not allowed.", nameof(registration));
            if (!_manifests.Add(manifest))
                throw new ArgumentException($"Manifest '{manifest}' is registered twice.", nameof(registration));
            if (!_types.Add(registration.Type))
            {
                _manifests.Remove(manifest);
                throw new ArgumentException($"Type {registration.Type} is registered twice.", nameof(registration));
            }
            _registrations.Add(registration);
            return this;
        }

        public MessageRegistry Build() => new([.. _registrations]);
    }
}
