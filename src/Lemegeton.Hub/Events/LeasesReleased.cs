using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Hub.Events;

/// <summary>Leases released by a session (all of them when <see cref="Files"/> is empty).</summary>
public sealed record LeasesReleased(string SessionId, IReadOnlyList<string> Files) : IPersistedEvent;
