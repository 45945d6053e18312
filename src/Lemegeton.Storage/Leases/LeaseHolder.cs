namespace Lemegeton.Storage.Leases;

/// <summary>Who holds a file: agent, PR, the grant's fencing token, and the time left before expiry.</summary>
public sealed record LeaseHolder(string Path, string AgentId, string PrId, long FencingToken, TimeSpan Remaining);
