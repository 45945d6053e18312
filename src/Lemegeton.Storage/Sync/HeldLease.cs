namespace Lemegeton.Storage.Sync;

/// <summary>A lease as the journal records it (the hub's own view, used in isolated and degraded modes).</summary>
public sealed record HeldLease(string Path, string AgentId, string PrId, long FencingToken);
