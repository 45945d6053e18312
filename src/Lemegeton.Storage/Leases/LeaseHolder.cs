namespace Lemegeton.Storage.Leases;

/// <summary>
/// Who holds a file: agent, agent session, PR, the grant's fencing token, and the time left
/// before expiry. <see cref="SessionId"/> is empty for a lease written before sessions existed.
/// </summary>
public sealed record LeaseHolder(string Path, string AgentId, string SessionId, string PrId, long FencingToken, TimeSpan Remaining)
{
    /// <summary>True when this lease belongs to that owner (same agent, session and PR).</summary>
    public bool IsHeldBy(LeaseOwner owner) => AgentId == owner.AgentId && SessionId == owner.SessionId && PrId == owner.PrId;
}
