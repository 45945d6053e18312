using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using Akka.Remote;

namespace Lemegeton.Hosting;

/// <summary>
/// Runs on the hub node and downs an <em>agent</em> node as soon as it is lost, instead of waiting
/// for the split-brain resolver's <c>stable-after</c>: when the cluster marks it unreachable (its
/// heartbeats stopped: a hung process, a dead machine, a cut network), and — when
/// <c>akka.cluster.lemegeton-agent-downing.on-disconnect</c> is on — when its transport connection to
/// the hub closes while it is still a working member (a killed process: the kernel closes its
/// sockets, so the hub hears of it long before the failure detector would). A disconnected node is
/// also quarantined: Akka removes a downed member only once it is unreachable (or has seen its own
/// downing, which a dead node never does), and quarantine makes it unreachable at once instead of
/// after the failure detector's 1.5 s. Removal gives its actors' watchers <see cref="Terminated"/>,
/// and the hub reclaims its work.
/// Agents hold no state of their own and their files are guarded by fencing tokens, so a false
/// positive costs a redo (the agent restarts and registers again), never a corruption.
/// Never downs a node with the hub role, this node, or a member that is already leaving gracefully
/// (Leaving/Exiting: its leave hands work back by itself).
/// Supervision: none needed (no children); if it fails, its parent's default strategy restarts it and
/// it subscribes again.
/// </summary>
public sealed class AgentNodeDowning : ReceiveActor
{
    /// <summary>The actor's name under <c>/user</c> on the hub node.</summary>
    public const string ActorName = "agent-node-downing";

    /// <summary>HOCON path of the switch for downing on a closed connection.</summary>
    public const string OnDisconnectKey = "akka.cluster.lemegeton-agent-downing.on-disconnect";

    private const string Disconnected = "disconnected";
    private readonly Cluster _cluster = Cluster.Get(Context.System);
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly bool _onDisconnect;

    public AgentNodeDowning()
    {
        _onDisconnect = Context.System.Settings.Config.GetBoolean(OnDisconnectKey, false);
        Receive<ClusterEvent.CurrentClusterState>(state =>
        {
            foreach (var member in state.Unreachable) DownIfAgent(member, "unreachable");
        });
        Receive<ClusterEvent.UnreachableMember>(u => DownIfAgent(u.Member, "unreachable"));
        Receive<DisassociatedEvent>(d =>
        {
            if (_cluster.State.Members.FirstOrDefault(m => m.Address.Equals(d.RemoteAddress)) is { } member)
                DownIfAgent(member, Disconnected);
        });
    }

    /// <summary>The actor's props (start it on hub nodes only).</summary>
    public static Props Props() => Akka.Actor.Props.Create(() => new AgentNodeDowning());

    protected override void PreStart()
    {
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.UnreachableMember));
        if (_onDisconnect) Context.System.EventStream.Subscribe(Self, typeof(DisassociatedEvent));
    }

    protected override void PostStop()
    {
        _cluster.Unsubscribe(Self);
        Context.System.EventStream.Unsubscribe(Self);
    }

    private void DownIfAgent(Member member, string why)
    {
        if (member.Address.Equals(_cluster.SelfAddress)) return;
        // A hub that is leaving or shutting down loses its connections too; it downs nobody then.
        if (_cluster.IsTerminated || _cluster.SelfMember.Status != MemberStatus.Up) return;
        if (member.HasRole(NodeRoleNames.Hub) || !member.HasRole(NodeRoleNames.Agent)) return;
        if (member.Status is not (MemberStatus.Joining or MemberStatus.WeaklyUp or MemberStatus.Up)) return;
        _log.Warning("Agent node {0} is {1}: downing it so its work is reclaimed now", member.Address, why);
        _cluster.Down(member.Address);
        if (why == Disconnected && Context.System is ExtendedActorSystem { Provider: IRemoteActorRefProvider remote })
            remote.Quarantine(member.Address, member.UniqueAddress.Uid);
    }
}
