using System.Text.Json.Serialization;

namespace Lemegeton.Hub.Actors;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyList<AgentView>))]
[JsonSerializable(typeof(IReadOnlyList<PrView>))]
[JsonSerializable(typeof(IReadOnlyList<LeaseView>))]
internal sealed partial class CoordinatorAdminJsonContext : JsonSerializerContext;
