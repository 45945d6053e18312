using System.Text.Json.Serialization;
using Lemegeton.Hub.Actors;

namespace Lemegeton.Cli.Commands;

/// <summary>The admin API's answers the demo reads.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(IReadOnlyList<AgentView>))]
[JsonSerializable(typeof(IReadOnlyList<PrView>))]
[JsonSerializable(typeof(IReadOnlyList<LeaseView>))]
internal sealed partial class DemoJsonContext : JsonSerializerContext;
