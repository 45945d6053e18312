namespace Lemegeton.Storage.Leases;

/// <summary>
/// Who owns a lease: one agent <em>session</em> working on one PR. The session id is fresh for
/// every registration of the agent (an agent restarted under the same agent id is a new session),
/// so the crash clean-up of an old session never touches the leases of the new one, and the same
/// session's leases for two PRs are kept apart. Ids must be printable (no control characters).
/// </summary>
public sealed record LeaseOwner(string AgentId, string SessionId, string PrId)
{
    public override string ToString() => $"{AgentId}/{SessionId} for {PrId}";
}
