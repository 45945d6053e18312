using Akka.Actor;
using Lemegeton.Protocol.Session;

namespace Lemegeton.Hub.Actors;

/// <summary>Coordinator → registry: start the session actor for a registered agent; it sends <see cref="Welcome"/>.</summary>
/// <param name="LeaseManager">Told of each heartbeat (lease renewal).</param>
/// <param name="TakeoverProbeTimeout">How long the agent has to answer an <c>Identify</c> when its id registers again.</param>
public sealed record StartSession(string SessionId, IActorRef Agent, Welcome Welcome, TimeSpan HeartbeatTimeout, IActorRef LeaseManager, TimeSpan TakeoverProbeTimeout);
