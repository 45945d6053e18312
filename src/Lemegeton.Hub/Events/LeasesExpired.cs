using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Hub.Events;

/// <summary>A session's leases were not renewed by a heartbeat within the lease TTL and were released.</summary>
public sealed record LeasesExpired(string SessionId, IReadOnlyList<string> Files) : IPersistedEvent;
