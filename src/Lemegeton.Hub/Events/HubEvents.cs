using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Hub.Events;

/// <summary>
/// The registry of the coordinator's persisted events and snapshot. The manifests are stored in the
/// journal: never change one; add new types with new manifests.
/// </summary>
public static class HubEvents
{
    private const string Prefix = "lemegeton.v1.event.";
    private static readonly HubEventsJsonContext Json = HubEventsJsonContext.Default;

    public static MessageRegistry Registry { get; } = MessageRegistry.CreateBuilder()
        .Add(Prefix + "AgentRegistered", Json.AgentRegistered)
        .Add(Prefix + "AgentRemoved", Json.AgentRemoved)
        .Add(Prefix + "PrAssigned", Json.PrAssigned)
        .Add(Prefix + "LeaseGranted", Json.LeaseGranted)
        .Add(Prefix + "LeasesReleased", Json.LeasesReleased)
        .Add(Prefix + "PrTransitioned", Json.PrTransitioned)
        .Add(Prefix + "PrReleased", Json.PrReleased)
        .Add(Prefix + "CoordinatorSnapshot", Json.CoordinatorSnapshot)
        .Add(Prefix + "CoordinationModeSwitched", Json.CoordinationModeSwitched)
        .Add(Prefix + "ColdTransitionCommitted", Json.ColdTransitionCommitted)
        .Add(Prefix + "LeasesExpired", Json.LeasesExpired)
        .Add(Prefix + "TaskListReloaded", Json.TaskListReloaded)
        .Add(Prefix + "AgentBranchMerged", Json.AgentBranchMerged)
        .Add(Prefix + "AgentBranchConflicted", Json.AgentBranchConflicted)
        .Add(Prefix + "SchedulingPaused", Json.SchedulingPaused)
        .Add(Prefix + "SchedulingResumed", Json.SchedulingResumed)
        .Add(Prefix + "PrRequeued", Json.PrRequeued)
        .Add(Prefix + "LeasesForceReleased", Json.LeasesForceReleased)
        .Add(Prefix + "AgentKicked", Json.AgentKicked)
        .Build();
}
