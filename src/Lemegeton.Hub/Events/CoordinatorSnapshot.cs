using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Hub.Events;

/// <summary>The coordinator's hot state at one sequence number (saved every N events). <see cref="Paused"/>: scheduling paused by an operator (absent in older snapshots: false).</summary>
public sealed record CoordinatorSnapshot(
    long FencingCounter,
    long SessionCounter,
    IReadOnlyList<AgentRegistered> Agents,
    IReadOnlyList<PrAssigned> Assignments,
    IReadOnlyList<LeaseGranted> Leases,
    IReadOnlyDictionary<string, string> ColdStates,
    bool Paused = false) : IPersistedEvent;
