using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Hub.Events;

/// <summary>An operator stopped the assignment of new work (running PRs go on). Survives a restart.</summary>
public sealed record SchedulingPaused(string By) : IPersistedEvent;
