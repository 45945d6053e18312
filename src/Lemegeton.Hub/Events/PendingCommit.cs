namespace Lemegeton.Hub.Events;

/// <summary>A cold transition (numbered in journal order) not yet known to be in git.</summary>
public sealed record PendingCommit(long Id, PrTransitioned Transition);
