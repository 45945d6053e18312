namespace Lemegeton.Hub.Actors;

/// <summary>Coordinator → lease manager: the session now holds leases (its TTL runs) or none (the TTL stops).</summary>
public sealed record SessionLeasesChanged(string SessionId, bool Holds);
