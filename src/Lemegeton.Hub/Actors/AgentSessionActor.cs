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
/// <see cref="ProtocolError"/>, never a crash) and hands valid ones to the coordinator. When the
/// session ends it tells the coordinator, which persists the reclamation, and stops.
/// </summary>
public sealed class AgentSessionActor : ReceiveActor, IWithTimers
{
    private const string DeadlineTimer = "heartbeat-deadline";
    private readonly string _sessionId;
    private readonly IActorRef _agent;
    private readonly IActorRef _coordinator;
    private readonly TimeSpan _timeout;
    private readonly Welcome _welcome;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private bool _ended;

    public AgentSessionActor(string sessionId, IActorRef agent, IActorRef coordinator, Welcome welcome, TimeSpan heartbeatTimeout)
    {
        _sessionId = sessionId;
        _agent = agent;
        _coordinator = coordinator;
        _timeout = heartbeatTimeout;
        _welcome = welcome;

        Receive<Terminated>(t => t.ActorRef.Equals(_agent), _ => End(SessionEndReasons.AgentTerminated));
        Receive<HeartbeatDeadline>(_ => End(SessionEndReasons.HeartbeatTimeout));
        Receive<ToAgent>(m => _agent.Tell(m.Message, Self));
        Receive<IAgentMessage>(FromTheAgent);
        ReceiveAny(m =>
        {
            if (!Sender.Equals(_agent)) return;
            _agent.Tell(new ProtocolError(ErrorCodes.UnknownType, $"The hub does not take {m.GetType().Name} from an agent."), Self);
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(string sessionId, IActorRef agent, IActorRef coordinator, Welcome welcome, TimeSpan heartbeatTimeout) =>
        Akka.Actor.Props.Create(() => new AgentSessionActor(sessionId, agent, coordinator, welcome, heartbeatTimeout));

    protected override void PreStart()
    {
        Context.Watch(_agent);
        ResetDeadline();
        _agent.Tell(_welcome, Self);
    }

    private void FromTheAgent(IAgentMessage message)
    {
        if (_ended) return;
        ResetDeadline();
        if (ProtocolValidator.ValidateFromAgent(message) is { } error)
        {
            _log.Warning("Session {0}: invalid {1} from the agent: {2}", _sessionId, message.GetType().Name, error.Message);
            _agent.Tell(error, Self);
            return;
        }
        switch (message)
        {
            case Heartbeat:
                return;
            case Bye:
                End(SessionEndReasons.Bye);
                return;
            case RegisterAgent r:
                _agent.Tell(new ProtocolError(ErrorCodes.InvalidHello, $"This agent already has session {_sessionId}.", r.CorrelationId), Self);
                return;
            default:
                _coordinator.Tell(new FromAgent(_sessionId, message));
                return;
        }
    }

    private void ResetDeadline() => Timers.StartSingleTimer(DeadlineTimer, HeartbeatDeadline.Instance, _timeout);

    private void End(string reason)
    {
        if (_ended) return;
        _ended = true;
        _log.Info("Session {0} ended: {1}", _sessionId, reason);
        _coordinator.Tell(new SessionEnded(_sessionId, reason));
        Context.Stop(Self);
    }

    private sealed record HeartbeatDeadline
    {
        public static HeartbeatDeadline Instance { get; } = new();
    }
}
