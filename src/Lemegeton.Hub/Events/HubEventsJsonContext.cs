using System.Text.Json.Serialization;

namespace Lemegeton.Hub.Events;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AgentRegistered))]
[JsonSerializable(typeof(AgentRemoved))]
[JsonSerializable(typeof(PrAssigned))]
[JsonSerializable(typeof(LeaseGranted))]
[JsonSerializable(typeof(LeasesReleased))]
[JsonSerializable(typeof(PrTransitioned))]
[JsonSerializable(typeof(PrReleased))]
[JsonSerializable(typeof(CoordinatorSnapshot))]
[JsonSerializable(typeof(CoordinationModeSwitched))]
[JsonSerializable(typeof(ColdTransitionCommitted))]
[JsonSerializable(typeof(LeasesExpired))]
[JsonSerializable(typeof(TaskListReloaded))]
[JsonSerializable(typeof(AgentBranchMerged))]
[JsonSerializable(typeof(AgentBranchConflicted))]
[JsonSerializable(typeof(SchedulingPaused))]
[JsonSerializable(typeof(SchedulingResumed))]
[JsonSerializable(typeof(PrRequeued))]
[JsonSerializable(typeof(LeasesForceReleased))]
[JsonSerializable(typeof(AgentKicked))]
internal sealed partial class HubEventsJsonContext : JsonSerializerContext;
