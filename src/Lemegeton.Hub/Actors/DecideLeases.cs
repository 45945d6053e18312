using System.Collections.Immutable;
using Lemegeton.Hub.Events;
using Lemegeton.Protocol.Leases;

namespace Lemegeton.Hub.Actors;

/// <summary>Coordinator → lease manager: grant or refuse <see cref="Request"/> on this view (a grant is taken only if <see cref="Version"/> still holds).</summary>
public sealed record DecideLeases(long Version, AgentRegistered Agent, AcquireLeases Request, PrAssigned? Assignment, ImmutableDictionary<string, LeaseGranted> Leases, IReadOnlyDictionary<string, AgentRegistered> Agents, TimeSpan Ttl);
