using Akka.Actor;

namespace Lemegeton.Hub.Actors;

/// <summary>
/// Parent of the <see cref="AgentSessionActor"/>s (one per live session, named by session id), child
/// of the <see cref="HubCoordinator"/>. Supervision: one-for-one, restart — a failing session is
/// restarted alone (it re-watches its agent and re-sends Welcome); the others go on.
/// </summary>
public sealed class AgentRegistryActor : ReceiveActor
{
    public AgentRegistryActor(IActorRef coordinator)
    {
        Receive<StartSession>(s =>
        {
            if (!Context.Child(s.SessionId).IsNobody()) return;
            Context.ActorOf(AgentSessionActor.Props(s.SessionId, s.Agent, coordinator, s.Welcome, s.HeartbeatTimeout), s.SessionId);
        });
        // A PoisonPill, not Context.Stop: the session first sends what was queued before (e.g. Shutdown).
        Receive<StopSession>(s => Context.Child(s.SessionId).Tell(PoisonPill.Instance));
        Receive<ToAgent>(m =>
        {
            var child = Context.Child(m.SessionId);
            if (!child.IsNobody()) child.Forward(m);
        });
    }

    public static Props Props(IActorRef coordinator) => Akka.Actor.Props.Create(() => new AgentRegistryActor(coordinator));

    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(maxNrOfRetries: 10, withinTimeRange: TimeSpan.FromMinutes(1), localOnlyDecider: _ => Directive.Restart);
}
