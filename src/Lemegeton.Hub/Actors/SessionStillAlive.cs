using Akka.Actor;
using Lemegeton.Protocol.Session;

namespace Lemegeton.Hub.Actors;

/// <summary>Session → coordinator: its agent answered; the new registration is refused (agent id in use).</summary>
public sealed record SessionStillAlive(string SessionId, RegisterAgent Register, IActorRef NewAgent);
