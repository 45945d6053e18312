namespace Lemegeton.Protocol.Coordination;

/// <summary>Hub → agent: the hub is stopping; finish or hand back the current PR within the grace; no answer.</summary>
/// <param name="GraceMs">Milliseconds the agent has before the hub reclaims its work.</param>
public sealed record Shutdown(int GraceMs) : IHubMessage;
