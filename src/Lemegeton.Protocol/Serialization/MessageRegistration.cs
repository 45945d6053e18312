using System.Text.Json.Serialization.Metadata;

namespace Lemegeton.Protocol.Serialization;

/// <summary>One type the Lemegeton serializer can write and read: its stable manifest and its source-generated JSON metadata.</summary>
/// <param name="Manifest">The name written beside the payload, e.g. <c>lemegeton.v1.Heartbeat</c>; never changes once released.</param>
/// <param name="Type">The CLR type; free to be renamed or moved, the manifest stays.</param>
/// <param name="TypeInfo">Metadata from a <see cref="System.Text.Json.Serialization.JsonSerializerContext"/>.</param>
public sealed record MessageRegistration(string Manifest, Type Type, JsonTypeInfo TypeInfo);
