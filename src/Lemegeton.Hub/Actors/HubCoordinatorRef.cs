using Akka.Actor;

namespace Lemegeton.Hub.Actors;

/// <summary>
/// The coordinator (usually its singleton proxy) as a host service, for the admin endpoints. The hub
/// node passes a resolver: the endpoints are mapped before the actor system starts, and the proxy is
/// looked up on first use (a failed lookup is retried on the next).
/// </summary>
public sealed class HubCoordinatorRef
{
    private readonly Lazy<IActorRef> _coordinator;

    public HubCoordinatorRef(IActorRef coordinator) => _coordinator = new Lazy<IActorRef>(coordinator);

    public HubCoordinatorRef(Func<IActorRef> resolve) => _coordinator = new Lazy<IActorRef>(resolve, LazyThreadSafetyMode.PublicationOnly);

    public IActorRef Coordinator => _coordinator.Value;
}
