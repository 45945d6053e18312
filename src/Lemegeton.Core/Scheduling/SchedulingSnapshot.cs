using Lemegeton.Core.States;

namespace Lemegeton.Core.Scheduling;

/// <summary>The hub's view at one instant: everything a scheduling decision reads besides the <see cref="SchedulingIndex"/>.</summary>
public sealed record SchedulingSnapshot
{
    /// <summary>Cold states that differ from the task list the index was built from; other PRs keep theirs.</summary>
    public IReadOnlyDictionary<string, ColdState> ColdStates { get; init; } = new Dictionary<string, ColdState>();

    /// <summary>PRs being worked on; they are not candidates and their files block others.</summary>
    public IReadOnlyList<RunningPr> Running { get; init; } = [];

    /// <summary>Live file leases; their paths block candidates too, even without a running PR.</summary>
    public IReadOnlyList<LiveLease> Leases { get; init; } = [];

    /// <summary>Connected agents, busy ones included (their type tells whether planning agents exist).</summary>
    public IReadOnlyList<SchedulingAgent> Agents { get; init; } = [];
}
