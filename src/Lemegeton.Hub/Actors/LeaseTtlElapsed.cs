namespace Lemegeton.Hub.Actors;

/// <summary>Lease manager → coordinator: the session's leases were not renewed within the TTL; release them.</summary>
public sealed record LeaseTtlElapsed(string SessionId);
