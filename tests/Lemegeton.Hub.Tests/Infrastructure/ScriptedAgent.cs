using Akka.Actor;
using Lemegeton.Core.Scheduling;
using Lemegeton.Protocol.Errors;
using Lemegeton.Protocol.Leases;
using Lemegeton.Protocol.Security;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Work;

namespace Lemegeton.Hub.Tests.Infrastructure;

/// <summary>
/// A worker over the protocol with capacity 1: registers, heartbeats, completes its first
/// <c>complete</c> assignments (leases first) and holds every later one. Everything it hears goes to
/// <c>report</c> (assignments, acks of its completions by PR, errors).
/// </summary>
internal sealed class ScriptedAgent : ReceiveActor, IWithTimers
{
    private readonly Dictionary<string, string> _completing = new(StringComparer.Ordinal);
    private IActorRef _session = ActorRefs.Nobody;
    private AssignPr? _current;
    private int _completed;
    private long _seq;

    public ScriptedAgent(IActorRef hub, string agentId, int complete, Action<object> report, ClusterSecret? secret)
    {
        // A hub started by `hub start` requires the proof of its cluster secret (.lemegeton/cluster.secret).
        hub.Tell(new RegisterAgent("register-" + agentId, 1, agentId, AgentTypes.Worker, "sonnet", 10, Proof: secret?.Prove(agentId, DateTimeOffset.UtcNow)));
        Receive<Welcome>(w =>
        {
            _session = Sender;
            report(w);
            Timers.StartPeriodicTimer("heartbeat", Beat.Instance, TimeSpan.FromMilliseconds(w.HeartbeatIntervalMs));
        });
        Receive<Beat>(_ => _session.Tell(new Heartbeat(++_seq, _current is null ? HeartbeatStates.Idle : HeartbeatStates.Working)));
        Receive<AssignPr>(a =>
        {
            report(a);
            if (_completed >= complete) return; // held: the PR stays in progress
            _current = a;
            _session.Tell(new AcquireLeases("lease-" + a.FencingToken, a.PrId, a.Files));
        });
        Receive<LeasesGranted>(_ =>
        {
            if (_current is not { } work) return;
            _completed++;
            var correlation = "complete-" + work.FencingToken;
            _completing[correlation] = work.PrId;
            _current = null;
            _session.Tell(new CompletePr(correlation, work.PrId, work.FencingToken, null, "done"));
        });
        Receive<Ack>(a =>
        {
            if (_completing.Remove(a.Re, out var pr)) report(new Acknowledged(pr));
        });
        Receive<ProtocolError>(e => report(e));
        ReceiveAny(m => report(m));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef hub, string agentId, int complete, Action<object> report, ClusterSecret? secret = null) =>
        Akka.Actor.Props.Create(() => new ScriptedAgent(hub, agentId, complete, report, secret));

    /// <summary>The hub acknowledged the completion of this PR.</summary>
    public sealed record Acknowledged(string PrId);

    private sealed record Beat
    {
        public static Beat Instance { get; } = new();
    }
}
