using System.Text.Json.Serialization;
using Lemegeton.Core.Scheduling;
using Lemegeton.Hub.Actors.Operator;

namespace Lemegeton.Hub.Actors;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyList<AgentView>))]
[JsonSerializable(typeof(IReadOnlyList<PrView>))]
[JsonSerializable(typeof(IReadOnlyList<LeaseView>))]
[JsonSerializable(typeof(AgentDetailView))]
[JsonSerializable(typeof(PrDetailView))]
[JsonSerializable(typeof(PrExplanation))]
[JsonSerializable(typeof(CoordinatorSummary))]
[JsonSerializable(typeof(OperatorResult))]
[JsonSerializable(typeof(TransitionBody))]
[JsonSerializable(typeof(LeaseReleaseBody))]
[JsonSerializable(typeof(ModeView))]
[JsonSerializable(typeof(IReadOnlyList<ModeChange>))]
[JsonSerializable(typeof(IReadOnlyList<ActorNodeView>))]
[JsonSerializable(typeof(ActorNodeView))]
[JsonSerializable(typeof(ClusterView))]
[JsonSerializable(typeof(ClusterAddressBody))]
public sealed partial class CoordinatorAdminJsonContext : JsonSerializerContext;
