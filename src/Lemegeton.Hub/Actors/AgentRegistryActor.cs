using Akka.Actor;

namespace Lemegeton.Hub.Actors;

/// <summary>
/// Parent of the <see cref="AgentSessionActor"/>s (one per live session, named by session id), child
/// of the <see cref="HubCoordinator"/>. Routes the coordinator's replies to one session, broadcasts to
/// all of them (mode announcements), and hands a takeover check to the session concerned.
/// Supervision: one-for-one, restart (10 within 1 min) — a failing session is restarted alone (it
/// re-watches its agent and re-sends Welcome); the others go on.
/// </summary>
public sealed class AgentRegistryActor : ReceiveActor
{
    public AgentRegistryActor(IActorRef coordinator)
    {
        Receive<StartSession>(s =>
        {
            if (!Context.Child(s.SessionId).IsNobody()) return;
            Context.ActorOf(AgentSessionActor.Props(s, coordinator), s.SessionId);
        });
        // A PoisonPill, not Context.Stop: the session first sends what was queued before (e.g. Shutdown).
        Receive<StopSession>(s => Context.Child(s.SessionId).Tell(PoisonPill.Instance));
        Receive<ToAgent>(m =>
        {
            var child = Context.Child(m.SessionId);
            if (!child.IsNobody()) child.Forward(m);
        });
        Receive<ToAllAgents>(m =>
        {
            foreach (var child in Context.GetChildren()) child.Tell(new ToAgent(child.Path.Name, m.Message));
        });
        Receive<CheckSessionAlive>(c =>
        {
            var child = Context.Child(c.SessionId);
            if (!child.IsNobody()) { child.Forward(c); return; }
            // No session actor (it is stopping): the session is as good as gone.
            coordinator.Tell(new SessionEnded(c.SessionId, SessionEndReasons.Replaced));
            coordinator.Tell(new SessionReplaced(c.Register, c.NewAgent));
        });
    }

    public static Props Props(IActorRef coordinator) => Akka.Actor.Props.Create(() => new AgentRegistryActor(coordinator));

    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(maxNrOfRetries: 10, withinTimeRange: TimeSpan.FromMinutes(1), localOnlyDecider: _ => Directive.Restart);
}
