using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Hub.Events;

/// <summary>An operator released leases whoever held them (the paths as leased).</summary>
public sealed record LeasesForceReleased(IReadOnlyList<string> Files, string By) : IPersistedEvent;
