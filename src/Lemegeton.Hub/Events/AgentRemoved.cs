using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Hub.Events;

/// <summary>
/// A session ended (bye, heartbeat timeout, node gone, hub restart). Applying it reclaims the session's
/// work: its leases are released and its PRs leave their hot state, back to the cold state they had.
/// </summary>
public sealed record AgentRemoved(string SessionId, string Reason) : IPersistedEvent;
