using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Hub.Events;

/// <summary>The coordinator's hot state at one sequence number (saved every N events).</summary>
/// <param name="Mode">Coordination mode (wire name); older snapshots lack it: distributed.</param>
/// <param name="TransitionCounter">Cold transitions so far (numbers <see cref="PendingCommit.Id"/>).</param>
/// <param name="PendingCommits">Cold transitions not yet known to be in git.</param>
/// <param name="Failures">Failed attempts per PR since its last cold transition (absent in older snapshots: none).</param>
/// <param name="ModeHistory">The latest mode switches, oldest first (at most <see cref="Actors.CoordinatorState.ModeHistoryLength"/>).</param>
/// <param name="Paused">Scheduling paused by an operator (absent in older snapshots: false).</param>
public sealed record CoordinatorSnapshot(
    long FencingCounter,
    long SessionCounter,
    IReadOnlyList<AgentRegistered> Agents,
    IReadOnlyList<PrAssigned> Assignments,
    IReadOnlyList<LeaseGranted> Leases,
    IReadOnlyDictionary<string, string> ColdStates,
    string Mode = "distributed",
    long TransitionCounter = 0,
    IReadOnlyList<PendingCommit>? PendingCommits = null,
    bool Paused = false,
    IReadOnlyDictionary<string, int>? Failures = null,
    IReadOnlyList<CoordinationModeSwitched>? ModeHistory = null) : IPersistedEvent;
