namespace Lemegeton.Protocol.Leases;

/// <summary>Hub → agent: every file of an <see cref="AcquireLeases"/> is now leased to the agent.</summary>
/// <param name="Re">The request's correlation id.</param>
/// <param name="Files">The leased paths in canonical form (normalised, paired test files added).</param>
/// <param name="FencingToken">The grant's fencing token, higher than any earlier one.</param>
/// <param name="TtlMs">How long the leases live without a heartbeat to renew them.</param>
public sealed record LeasesGranted(string Re, IReadOnlyList<string> Files, long FencingToken, long TtlMs) : IHubMessage, IProtocolReply;
