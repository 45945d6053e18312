using Akka.Actor;
using Lemegeton.Protocol.Session;

namespace Lemegeton.Hub.Actors;

/// <summary>
/// Coordinator → registry → session: <see cref="Register"/> came from <see cref="NewAgent"/> with the id
/// of this live session. The session asks its agent (<c>Identify</c>); an agent that does not answer is
/// gone (its process crashed before DeathWatch noticed): the session ends and the new one takes over.
/// </summary>
public sealed record CheckSessionAlive(string SessionId, RegisterAgent Register, IActorRef NewAgent);
