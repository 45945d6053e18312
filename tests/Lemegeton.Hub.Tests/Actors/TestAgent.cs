using Akka.Actor;
using Lemegeton.Protocol.Coordination;
using Lemegeton.Protocol.Errors;
using Lemegeton.Protocol.Leases;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Work;

namespace Lemegeton.Hub.Tests.Actors;

/// <summary>
/// An agent over the protocol, as a real agent node runs it: registers with the hub (through the
/// singleton proxy), heartbeats at the interval the Welcome gives, and for each assignment acquires
/// the PR's files, works a moment, and completes it with the assignment's fencing token.
/// </summary>
internal sealed class TestAgent : ReceiveActor, IWithTimers
{
    private readonly string _agentId;
    private readonly FileOccupancy _occupancy;
    private readonly IActorRef _monitor;
    private readonly ManualResetEventSlim? _hang;
    private TestAgentBehaviour _behaviour;
    private IActorRef _session = ActorRefs.Nobody;
    private AssignPr? _current;
    private IReadOnlyList<string> _held = [];
    private long _seq;

    public TestAgent(IActorRef hub, string agentId, string agentType, TestAgentBehaviour behaviour, FileOccupancy occupancy, IActorRef monitor, TimeSpan workTime, ManualResetEventSlim? hang)
    {
        _hang = hang;
        _agentId = agentId;
        _behaviour = behaviour;
        _occupancy = occupancy;
        _monitor = monitor;
        hub.Tell(new RegisterAgent("register-" + agentId, 1, agentId, agentType, "sonnet", 10));

        Receive<Welcome>(w =>
        {
            _session = Sender;
            Timers.StartPeriodicTimer("heartbeat", Beat.Instance, TimeSpan.FromMilliseconds(w.HeartbeatIntervalMs));
        });
        Receive<Beat>(_ => _session.Tell(new Heartbeat(++_seq, _current is null ? HeartbeatStates.Idle : HeartbeatStates.Working)));
        Receive<AssignPr>(OnAssigned);
        Receive<LeasesGranted>(g =>
        {
            _held = g.Files;
            _occupancy.Enter(_agentId, g.Files);
            Timers.StartSingleTimer("work", Finish.Instance, workTime);
        });
        Receive<LeasesDenied>(_ => Timers.StartSingleTimer("retry", Retry.Instance, TimeSpan.FromMilliseconds(50)));
        Receive<Retry>(_ => Acquire());
        Receive<Finish>(_ =>
        {
            if (_current is not { } work) return;
            _occupancy.Leave(_agentId, _held);
            _held = [];
            _current = null;
            _session.Tell(new CompletePr("complete-" + work.FencingToken, work.PrId, work.FencingToken, null, "done"));
        });
        Receive<Ack>(_ => { });
        Receive<ModeAnnouncement>(m => _monitor.Tell(new AgentHeard(_agentId, m)));
        Receive<ProtocolError>(e => _monitor.Tell(e));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef hub, string agentId, string agentType, TestAgentBehaviour behaviour, FileOccupancy occupancy, IActorRef monitor, TimeSpan workTime, ManualResetEventSlim? hang = null) =>
        Akka.Actor.Props.Create(() => new TestAgent(hub, agentId, agentType, behaviour, occupancy, monitor, workTime, hang));

    private void OnAssigned(AssignPr a)
    {
        _monitor.Tell(new AgentReport(_agentId, a));
        switch (_behaviour)
        {
            case TestAgentBehaviour.HangOnAssign:
                Timers.CancelAll();
                _behaviour = TestAgentBehaviour.StallOnAssign;
                return;
            case TestAgentBehaviour.StallOnAssign:
                return;
            case TestAgentBehaviour.BlockOnAssign:
                Timers.CancelAll();
                _hang?.Wait();
                _behaviour = TestAgentBehaviour.StallOnAssign;
                return;
        }
        _current = a;
        Acquire();
    }

    private void Acquire()
    {
        if (_current is { } work) _session.Tell(new AcquireLeases("lease-" + work.FencingToken, work.PrId, work.Files));
    }

    private sealed record Beat { public static Beat Instance { get; } = new(); }
    private sealed record Finish { public static Finish Instance { get; } = new(); }
    private sealed record Retry { public static Retry Instance { get; } = new(); }
}
