using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Hub.Events;

/// <summary>An operator ended an agent's session: applied like <see cref="AgentRemoved"/> (work reclaimed, leases released).</summary>
public sealed record AgentKicked(string SessionId, string AgentId, string By) : IPersistedEvent;
