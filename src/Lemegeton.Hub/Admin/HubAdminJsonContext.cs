using System.Text.Json.Serialization;

namespace Lemegeton.Hub.Admin;

/// <summary>Source-generated JSON for the admin API's wire types (camelCase).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HubStatus))]
[JsonSerializable(typeof(HubShutdownAccepted))]
[JsonSerializable(typeof(HubAdminError))]
[JsonSerializable(typeof(HubLogEntry))]
public sealed partial class HubAdminJsonContext : JsonSerializerContext;
