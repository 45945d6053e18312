using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Hub.Events;

/// <summary>An operator let the hub assign work again after <see cref="SchedulingPaused"/>.</summary>
public sealed record SchedulingResumed(string By) : IPersistedEvent;
