using Akka.Actor;

namespace Lemegeton.Hub.Actors;

/// <summary>The coordinator (usually its singleton proxy) as a host service, for the admin endpoints.</summary>
public sealed record HubCoordinatorRef(IActorRef Coordinator);
