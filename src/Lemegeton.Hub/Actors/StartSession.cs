using Akka.Actor;
using Lemegeton.Protocol.Session;

namespace Lemegeton.Hub.Actors;

/// <summary>Coordinator → registry: start the session actor for a registered agent; it sends <see cref="Welcome"/>.</summary>
public sealed record StartSession(string SessionId, IActorRef Agent, Welcome Welcome, TimeSpan HeartbeatTimeout);
