namespace Lemegeton.Protocol.Leases;

/// <summary>Agent → hub: give leases back. Answered by <see cref="Session.Ack"/>.</summary>
/// <param name="CorrelationId">Echoed as <c>re</c> in the answer.</param>
/// <param name="Files">The paths to release, or null for all of the agent's leases.</param>
public sealed record ReleaseLeases(string CorrelationId, IReadOnlyList<string>? Files = null) : IAgentMessage, IProtocolRequest;
