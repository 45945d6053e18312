namespace Lemegeton.Hub.Events;

/// <summary>A cold transition (numbered in journal order) not yet known to be in git.</summary>
/// <param name="PreviousCold">The PR's cold state before it (wire name; the state git shows while the commit is missing).</param>
public sealed record PendingCommit(long Id, PrTransitioned Transition, string? PreviousCold = null);
