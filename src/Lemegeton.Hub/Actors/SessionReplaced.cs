using Akka.Actor;
using Lemegeton.Protocol.Session;

namespace Lemegeton.Hub.Actors;

/// <summary>Session → coordinator (after its <see cref="SessionEnded"/>): its agent is gone; register <see cref="NewAgent"/> now.</summary>
public sealed record SessionReplaced(RegisterAgent Register, IActorRef NewAgent);
