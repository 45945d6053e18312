using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Hub.Events;

/// <summary>
/// A PR moved to a cold state (wire names). Ends the PR's assignment and releases its leases. Each one
/// is mirrored by exactly one git commit of the task list.
/// </summary>
public sealed record PrTransitioned(string PrId, string From, string To, string? AgentId, long? FencingToken, string Reason) : IPersistedEvent;
