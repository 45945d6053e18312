namespace Lemegeton.Protocol.Leases;

/// <summary>Hub → agent: nothing of an <see cref="AcquireLeases"/> was leased, because of these conflicts.</summary>
/// <param name="Re">The request's correlation id.</param>
/// <param name="Conflicts">At least one held lease overlapping the request.</param>
public sealed record LeasesDenied(string Re, IReadOnlyList<LeaseConflict> Conflicts) : IHubMessage, IProtocolReply;
