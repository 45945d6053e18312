using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Hub.Events;

/// <summary>A PR's assignment ended without a cold transition (the agent failed it): the PR is back in its cold state, its leases released.</summary>
public sealed record PrReleased(string PrId, string SessionId, string Reason) : IPersistedEvent;
