using System.Diagnostics;
using System.Threading.Channels;
using Akka.Actor;
using Lemegeton.Protocol.Errors;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Work;

namespace Lemegeton.Benchmarks.Cluster;

/// <summary>
/// An agent over the protocol that takes work and never finishes it: registers through the singleton
/// proxy, heartbeats at the Welcome's interval, reports its Welcome and every assignment to a channel.
/// With <c>probeEvery</c> &gt; 0, every n-th heartbeat is followed by a second <see cref="RegisterAgent"/>
/// to its session, which the session answers with an error: messages between two actors stay in
/// order, so that answer arrives only after the session handled the heartbeat, and the time from
/// sending the heartbeat to the answer is the heartbeat's handling time as the agent sees it (both
/// directions of the wire included).
/// </summary>
internal sealed class BenchAgent : ReceiveActor, IWithTimers
{
    private readonly string _agentId;
    private readonly ChannelWriter<AgentSignal> _signals;
    private readonly LatencyRecorder? _latency;
    private readonly int _probeEvery;
    private readonly Queue<long> _probes = new();
    private IActorRef _session = ActorRefs.Nobody;
    private long _seq;
    private IReadOnlyList<string> _working = [];

    public BenchAgent(IActorRef hub, string agentId, ChannelWriter<AgentSignal> signals, LatencyRecorder? latency, int probeEvery)
    {
        _agentId = agentId;
        _signals = signals;
        _latency = latency;
        _probeEvery = probeEvery;
        hub.Tell(Register());

        Receive<Welcome>(w =>
        {
            _session = Sender;
            // Spread the agents' heartbeats over the interval instead of beating in step.
            var interval = TimeSpan.FromMilliseconds(w.HeartbeatIntervalMs);
            Timers.StartPeriodicTimer("heartbeat", Beat.Instance, TimeSpan.FromMilliseconds(Random.Shared.Next(1, w.HeartbeatIntervalMs)), interval);
            _signals.TryWrite(new AgentSignal(_agentId, AgentSignalKind.Welcomed, null, Stopwatch.GetTimestamp()));
        });
        Receive<Beat>(_ =>
        {
            _session.Tell(_working.Count == 0 ? new Heartbeat(++_seq, HeartbeatStates.Idle) : new Heartbeat(++_seq, HeartbeatStates.Working, _working));
            if (_probeEvery > 0 && _seq % _probeEvery == 0)
            {
                _probes.Enqueue(Stopwatch.GetTimestamp());
                _session.Tell(Register());
            }
        });
        Receive<ProtocolError>(e =>
        {
            if (e.Code == ErrorCodes.InvalidHello && _probes.TryDequeue(out var sent))
                _latency?.Record(Stopwatch.GetElapsedTime(sent));
        });
        Receive<AssignPr>(a =>
        {
            _working = [.. _working, a.PrId];
            _signals.TryWrite(new AgentSignal(_agentId, AgentSignalKind.Assigned, a.PrId, Stopwatch.GetTimestamp()));
        });
        ReceiveAny(_ => { });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef hub, string agentId, ChannelWriter<AgentSignal> signals, LatencyRecorder? latency = null, int probeEvery = 0) =>
        global::Akka.Actor.Props.Create(() => new BenchAgent(hub, agentId, signals, latency, probeEvery));

    private RegisterAgent Register() => new("register-" + _agentId, 1, _agentId, "worker", "sonnet", 10);

    private sealed record Beat
    {
        public static Beat Instance { get; } = new();
    }
}
