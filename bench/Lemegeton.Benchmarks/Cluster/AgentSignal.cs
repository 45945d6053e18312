namespace Lemegeton.Benchmarks.Cluster;

/// <summary>What a <see cref="BenchAgent"/> reports: its Welcome, or an assignment (with the PR), at a <see cref="System.Diagnostics.Stopwatch"/> timestamp.</summary>
internal sealed record AgentSignal(string AgentId, AgentSignalKind Kind, string? PrId, long Timestamp);
