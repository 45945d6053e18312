using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Hub.Events;

/// <summary>A PR was assigned to a session with a new fencing token; the PR is now in <see cref="HotState"/> (wire name).</summary>
public sealed record PrAssigned(string PrId, string SessionId, string AgentId, long FencingToken, string HotState, string Work) : IPersistedEvent;
