using Akka.Actor;
using Akka.Event;
using Lemegeton.Protocol;
using Lemegeton.Protocol.Errors;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Validation;

namespace Lemegeton.Hub.Actors;

/// <summary>
/// One registered agent's session (child of <see cref="AgentRegistryActor"/>, named by its session id).
/// Sends <see cref="Welcome"/>, watches the agent's actor (DeathWatch: <see cref="Terminated"/> arrives
/// when the agent's node leaves or is downed), keeps a heartbeat deadline (a timer, reset by every
/// message from the agent: a receive timeout would also be reset by the hub's own messages), checks
/// each message with <see cref="ProtocolValidator"/> (a bad one is answered with a
/// <see cref="ProtocolError"/>, never a crash) and hands valid ones to the coordinator; heartbeats
/// renew the session's leases at the lease manager. When the same agent id registers again from
/// another actor, it asks its own agent (<see cref="Identify"/>): no answer within the probe timeout
/// means the agent's process is gone, and the session ends (<see cref="SessionEndReasons.Replaced"/>)
/// so the new one can start. When the session ends it tells the coordinator, which persists the
/// reclamation, and stops.
/// </summary>
public sealed class AgentSessionActor : ReceiveActor, IWithTimers
{
    private const string DeadlineTimer = "heartbeat-deadline";
    private const string ProbeTimer = "takeover-probe";
    private readonly StartSession _start;
    private readonly IActorRef _agent;
    private readonly IActorRef _coordinator;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly List<CheckSessionAlive> _takeovers = [];
    private bool _ended;

    public AgentSessionActor(StartSession start, IActorRef coordinator)
    {
        _start = start;
        _agent = start.Agent;
        _coordinator = coordinator;

        Receive<Terminated>(t => t.ActorRef.Equals(_agent), _ => End(SessionEndReasons.AgentTerminated));
        Receive<HeartbeatDeadline>(_ => End(SessionEndReasons.HeartbeatTimeout));
        Receive<ToAgent>(m => _agent.Tell(m.Message, Self));
        Receive<CheckSessionAlive>(Probe);
        Receive<ActorIdentity>(IdentityAnswered);
        Receive<ProbeTimedOut>(_ => Replaced());
        Receive<IAgentMessage>(FromTheAgent);
        ReceiveAny(m =>
        {
            if (!Sender.Equals(_agent)) return;
            _agent.Tell(new ProtocolError(ErrorCodes.UnknownType, $"The hub does not take {m.GetType().Name} from an agent.", (m as IProtocolRequest)?.CorrelationId), Self);
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private string SessionId => _start.SessionId;

    public static Props Props(StartSession start, IActorRef coordinator) =>
        Akka.Actor.Props.Create(() => new AgentSessionActor(start, coordinator));

    protected override void PreStart()
    {
        Context.Watch(_agent);
        ResetDeadline();
        _agent.Tell(_start.Welcome, Self);
    }

    private void FromTheAgent(IAgentMessage message)
    {
        if (_ended) return;
        ResetDeadline();
        if (ProtocolValidator.ValidateFromAgent(message) is { } error)
        {
            _log.Warning("Session {0}: invalid {1} from the agent: {2}", SessionId, message.GetType().Name, error.Message);
            _agent.Tell(error, Self);
            return;
        }
        switch (message)
        {
            case Heartbeat:
                _start.LeaseManager.Tell(new RenewLeases(SessionId));
                return;
            case Bye:
                End(SessionEndReasons.Bye);
                return;
            case RegisterAgent r:
                _agent.Tell(new ProtocolError(ErrorCodes.InvalidHello, $"This agent already has session {SessionId}.", r.CorrelationId), Self);
                return;
            default:
                _coordinator.Tell(new FromAgent(SessionId, message));
                return;
        }
    }

    private void Probe(CheckSessionAlive check)
    {
        if (_ended) { _coordinator.Tell(new SessionReplaced(check.Register, check.NewAgent)); return; }
        if (check.NewAgent.Equals(_agent))
        {
            // The same actor registering twice: it is alive (it just spoke).
            _coordinator.Tell(new SessionStillAlive(SessionId, check.Register, check.NewAgent));
            return;
        }
        _takeovers.Add(check);
        if (_takeovers.Count > 1) return;
        _agent.Tell(new Identify(SessionId), Self);
        Timers.StartSingleTimer(ProbeTimer, ProbeTimedOut.Instance, _start.TakeoverProbeTimeout);
    }

    private void IdentityAnswered(ActorIdentity identity)
    {
        if (_takeovers.Count == 0) return;
        if (identity.Subject is null) { Replaced(); return; }
        Timers.Cancel(ProbeTimer);
        foreach (var t in _takeovers) _coordinator.Tell(new SessionStillAlive(SessionId, t.Register, t.NewAgent));
        _takeovers.Clear();
    }

    private void Replaced()
    {
        if (_takeovers.Count == 0) return;
        var takeovers = _takeovers.ToList();
        _takeovers.Clear();
        End(SessionEndReasons.Replaced);
        foreach (var t in takeovers) _coordinator.Tell(new SessionReplaced(t.Register, t.NewAgent));
    }

    private void ResetDeadline() => Timers.StartSingleTimer(DeadlineTimer, HeartbeatDeadline.Instance, _start.HeartbeatTimeout);

    private void End(string reason)
    {
        if (_ended) return;
        _ended = true;
        _log.Info("Session {0} ended: {1}", SessionId, reason);
        _coordinator.Tell(new SessionEnded(SessionId, reason));
        if (reason == SessionEndReasons.Replaced)
            _agent.Tell(new ProtocolError(ErrorCodes.AgentIdInUse, $"Session {SessionId} was taken over by a new registration of this agent id."), Self);
        Context.Stop(Self);
    }

    private sealed record HeartbeatDeadline
    {
        public static HeartbeatDeadline Instance { get; } = new();
    }

    private sealed record ProbeTimedOut
    {
        public static ProbeTimedOut Instance { get; } = new();
    }
}
