namespace Lemegeton.Storage.Sync;

/// <summary>One repair, with the PR (or lease path) it concerns and why.</summary>
public sealed record ReconciliationAction(ReconciliationKind Kind, string Subject, string Detail);
