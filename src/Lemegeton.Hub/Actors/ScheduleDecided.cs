using Lemegeton.Hub.Events;

namespace Lemegeton.Hub.Actors;

/// <summary>Scheduler → coordinator: the assignments decided on the state at <see cref="Version"/> (to persist, in order).</summary>
public sealed record ScheduleDecided(long Version, IReadOnlyList<PrAssigned> Assignments);
