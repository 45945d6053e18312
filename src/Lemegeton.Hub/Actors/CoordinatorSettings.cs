using Lemegeton.Core.Scheduling;
using Lemegeton.Core.TaskList;
using Lemegeton.Storage.Git;

namespace Lemegeton.Hub.Actors;

/// <summary>What the coordinator needs: the task list, where to persist, session timings, the git mirror.</summary>
public sealed record CoordinatorSettings
{
    public required TaskListDocument TaskList { get; init; }

    /// <summary>Journal and snapshot persistence id.</summary>
    public string PersistenceId { get; init; } = "lemegeton-hub-coordinator";

    /// <summary>Journal plugin (config path), e.g. <c>akka.persistence.journal.lemegeton-local</c>; null: the default journal.</summary>
    public string? JournalPluginId { get; init; }

    /// <summary>Snapshot store plugin (config path); null: the default snapshot store.</summary>
    public string? SnapshotPluginId { get; init; }

    public string HubId { get; init; } = "hub";

    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A session with no message from its agent for this long is ended and its work reclaimed.</summary>
    public TimeSpan HeartbeatTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>A PR whose agents failed it this many times in a row is moved to <c>broken</c> with the last reason. Default 3.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>A snapshot is saved every this many events.</summary>
    public int SnapshotEvery { get; init; } = 100;

    public SchedulerOptions Scheduler { get; init; } = new();

    /// <summary>The cluster secret agents must prove in RegisterAgent (<c>unauthorized</c> otherwise); null: no check.</summary>
    public Lemegeton.Protocol.Security.ClusterSecret? ClusterSecret { get; init; }

    /// <summary>Commits each cold transition to the task list; null: no git mirror.</summary>
    public TaskListGitMirror? GitMirror { get; init; }

    /// <summary>Merges agent branches back after degraded mode; null: one over the git mirror's repository.</summary>
    public AgentBranchMerger? BranchMerger { get; init; }

    /// <summary>Leases not renewed by a heartbeat for this long expire; null: the heartbeat timeout.</summary>
    public TimeSpan? LeaseTtl { get; init; }

    /// <summary>How long an agent has to answer when its id registers again from another process. Default 2 s.</summary>
    public TimeSpan TakeoverProbeTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The coordination-mode FSM (health check, thresholds, cooldown).</summary>
    public CoordinationModeSettings Modes { get; init; } = new();

    /// <summary>Retries of the state sync's git work.</summary>
    public StateSyncSettings StateSync { get; init; } = new();

    /// <summary>Where the task list file is, to reload it on edits and on <see cref="ReloadTaskList"/>; null: never reloaded.</summary>
    public TaskListWatchSettings? TaskListWatch { get; init; }

    /// <summary>Where the advisory lock files of isolated mode go (<see cref="AdvisoryLockFilesActor"/>); null: none are written.</summary>
    public string? AdvisoryLocksDirectory { get; init; }

    /// <summary>Back-off of the children that do I/O (state sync, mode FSM, task-list watcher) when they fail: first wait.</summary>
    public TimeSpan ChildMinBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Back-off of the I/O children: longest wait.</summary>
    public TimeSpan ChildMaxBackoff { get; init; } = TimeSpan.FromSeconds(30);
}
