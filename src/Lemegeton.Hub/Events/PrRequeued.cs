using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Hub.Events;

/// <summary>An operator took a PR back from its session: the assignment and its leases end, the PR is back in the queue at its cold state.</summary>
public sealed record PrRequeued(string PrId, string SessionId, string AgentId, string By) : IPersistedEvent;
