using Akka.Actor;
using Akka.Cluster;
using Akka.Event;

namespace Lemegeton.Hub.Actors;

/// <summary>
/// Keeps nodes that cannot prove the cluster secret out of the cluster. Akka lets any node that reaches
/// the hub's port join; this actor (on the hub node, beside the coordinator) downs an agent-role node
/// whose registration was refused <c>unauthorized</c> (2 s later, so the agent reads the answer and exits), and one that has not registered with a valid
/// proof within <c>registrationDeadline</c> of becoming a member. A node that joins without the
/// <c>agent</c> role and is not a hub is downed at the same deadline unless it registers. The verdicts
/// come from the coordinator (<see cref="AgentNodeVerdict"/> on the event stream). Wiring (hub node):
/// <c>system.ActorOf(AgentNodeGatekeeper.Props(TimeSpan.FromSeconds(30)), "agent-gatekeeper")</c>.
/// </summary>
public sealed class AgentNodeGatekeeper : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan RefusedGrace = TimeSpan.FromSeconds(2);
    private readonly HashSet<Address> _proven = [];
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Cluster _cluster = Cluster.Get(Context.System);

    public AgentNodeGatekeeper(TimeSpan registrationDeadline)
    {
        Receive<ClusterEvent.MemberUp>(up =>
        {
            var m = up.Member;
            if (m.HasRole("hub") || m.Address.Equals(_cluster.SelfAddress) || _proven.Contains(m.Address)) return;
            Timers.StartSingleTimer(m.Address, new Deadline(m.Address), registrationDeadline);
        });
        Receive<ClusterEvent.MemberRemoved>(r =>
        {
            _proven.Remove(r.Member.Address);
            Timers.Cancel(r.Member.Address);
        });
        Receive<ClusterEvent.IMemberEvent>(_ => { });
        Receive<AgentNodeVerdict>(v =>
        {
            if (v.Node.HasLocalScope || v.Node.Equals(_cluster.SelfAddress)) return;
            if (v.Proven)
            {
                _proven.Add(v.Node);
                Timers.Cancel(v.Node);
                return;
            }
            if (_proven.Contains(v.Node)) return; // a bad proof from a node that also holds good ones: refuse that registration only
            // Down it shortly, not at once: the agent reads its 'unauthorized' answer and exits instead of rejoining.
            _log.Warning("Node {0}: its agent could not prove the cluster secret ({1}); downing it in {2} s", v.Node, v.Detail, RefusedGrace.TotalSeconds);
            Timers.StartSingleTimer(v.Node, new Deadline(v.Node), RefusedGrace);
        });
        Receive<Deadline>(d =>
        {
            if (_proven.Contains(d.Node)) return;
            _log.Warning("Downing node {0}: no agent on it registered with the cluster secret within {1} s", d.Node, registrationDeadline.TotalSeconds);
            _cluster.Down(d.Node);
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(TimeSpan registrationDeadline) => Akka.Actor.Props.Create(() => new AgentNodeGatekeeper(registrationDeadline));

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(AgentNodeVerdict));
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.IMemberEvent));
    }

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        _cluster.Unsubscribe(Self);
    }

    private sealed record Deadline(Address Node);
}
