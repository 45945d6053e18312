namespace Lemegeton.Storage.Sync;

/// <summary>What reconciliation found and repaired (git wins, spec §8.4).</summary>
public enum ReconciliationKind
{
    /// <summary>A hot state for a PR that is not in the task list at HEAD: cleared.</summary>
    OrphanCleared,

    /// <summary>A hot state for a PR git records as completed or approved: cleared.</summary>
    FinishedInGitCleared,

    /// <summary>A hot state held by an agent that is no longer registered: cleared, the PR falls back to its cold state.</summary>
    AgentGoneCleared,

    /// <summary>A lease for a PR whose hot state was cleared, or held by an agent that is gone: released.</summary>
    LeaseReleased,
}
