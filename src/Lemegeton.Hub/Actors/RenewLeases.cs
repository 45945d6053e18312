namespace Lemegeton.Hub.Actors;

/// <summary>Session → lease manager: a heartbeat came; the session's leases live another TTL.</summary>
public sealed record RenewLeases(string SessionId);
