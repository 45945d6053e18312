namespace Lemegeton.Hub.Actors;

/// <summary>
/// The leases the advisory lock files must show (coordinator → <see cref="AdvisoryLockFilesActor"/>):
/// while the hub is isolated, one entry per agent holding leases; empty when it is not (the files go).
/// </summary>
public sealed record AdvisoryLocks(IReadOnlyList<AdvisoryAgentLocks> Agents, DateTimeOffset At);

/// <summary>One agent's leases: its files, and per PR the files and fencing token.</summary>
public sealed record AdvisoryAgentLocks(string AgentId, IReadOnlyList<string> Files, IReadOnlyList<AdvisoryPrLock> Prs);

public sealed record AdvisoryPrLock(string PrId, long FencingToken, IReadOnlyList<string> Files);

/// <summary>Published on the event stream each time the advisory lock files were brought up to date.</summary>
public sealed record AdvisoryLocksWritten(string Directory, IReadOnlyList<string> Agents);
