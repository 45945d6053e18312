using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Hub.Events;

/// <summary>An agent registered and was given a session.</summary>
public sealed record AgentRegistered(string SessionId, string AgentId, string AgentType, int Capacity) : IPersistedEvent;
