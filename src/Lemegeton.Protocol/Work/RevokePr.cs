namespace Lemegeton.Protocol.Work;

/// <summary>Hub → agent: stop working on a PR, the hub has taken it back (its leases are gone); no answer.</summary>
/// <param name="PrId">The PR taken back.</param>
/// <param name="Reason">Why, for the agent's log.</param>
public sealed record RevokePr(string PrId, string Reason) : IHubMessage;
