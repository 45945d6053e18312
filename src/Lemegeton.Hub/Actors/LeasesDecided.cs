using Lemegeton.Hub.Events;
using Lemegeton.Protocol;
using Lemegeton.Protocol.Leases;

namespace Lemegeton.Hub.Actors;

/// <summary>Lease manager → coordinator: <see cref="Grant"/> to persist (then answer the agent), or <see cref="Refusal"/> to send as it is.</summary>
public sealed record LeasesDecided(long Version, AgentRegistered Agent, AcquireLeases Request, LeaseGranted? Grant, IHubMessage? Refusal);
