using Lemegeton.Core.Scheduling;
using Lemegeton.Core.States;
using Lemegeton.Hub.Events;

namespace Lemegeton.Hub.Actors;

/// <summary>Coordinator → scheduler: decide assignments on this view of the hot state (taken only if <see cref="Version"/> still holds).</summary>
/// <param name="FencingCounter">The last fencing token handed out; new assignments number on from it.</param>
public sealed record DecideSchedule(long Version, SchedulingSnapshot Snapshot, PrStateContext Context, IReadOnlyDictionary<string, AgentRegistered> Agents, IReadOnlyDictionary<string, ColdState> ColdStates, long FencingCounter);
