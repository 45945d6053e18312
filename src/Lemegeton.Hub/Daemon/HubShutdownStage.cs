namespace Lemegeton.Hub.Daemon;

/// <summary>
/// The phases of the hub's graceful shutdown, in the order they run. Steps registered for the same
/// stage run in registration order. The actor tree registers its steps here (mirroring Akka's
/// CoordinatedShutdown phases, which its steps may simply call into).
/// </summary>
public enum HubShutdownStage
{
    /// <summary>The scheduler stops handing PRs to agents.</summary>
    StopAssigning = 10,

    /// <summary>Agents are told the hub is going away (they finish their PR on their own branch).</summary>
    NotifyAgents = 20,

    /// <summary>Wait for agents that are working on a PR (idle agents are not waited for), bounded by <c>hub.working-agents-grace</c>.</summary>
    AwaitWorkingAgents = 30,

    /// <summary>Pending journal events are written and synced.</summary>
    FlushJournal = 40,

    /// <summary>Cold state is committed to git one last time.</summary>
    FinalGitSync = 50,

    /// <summary>File leases held for agents are released.</summary>
    ReleaseLeases = 60,

    /// <summary>The node leaves the Akka cluster and the actor system terminates.</summary>
    LeaveCluster = 70,
}
