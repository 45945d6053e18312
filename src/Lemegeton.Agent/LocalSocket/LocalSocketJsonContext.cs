using System.Text.Json.Serialization;

namespace Lemegeton.Agent.LocalSocket;

/// <summary>Source-generated JSON of the local socket protocol: camelCase, nulls left out.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LocalRequest))]
[JsonSerializable(typeof(LocalReply))]
public sealed partial class LocalSocketJsonContext : JsonSerializerContext;
