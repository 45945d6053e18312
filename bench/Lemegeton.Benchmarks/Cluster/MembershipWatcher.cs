using System.Diagnostics;
using System.Threading.Channels;
using Akka.Actor;
using Akka.Cluster;

namespace Lemegeton.Benchmarks.Cluster;

/// <summary>Writes the hub's view of membership changes (unreachable, removed) to a channel with a timestamp.</summary>
internal sealed class MembershipWatcher : ReceiveActor
{
    public MembershipWatcher(ChannelWriter<(ClusterEvent.IClusterDomainEvent, long)> events)
    {
        Receive<ClusterEvent.IClusterDomainEvent>(e => events.TryWrite((e, Stopwatch.GetTimestamp())));
        ReceiveAny(_ => { });
    }

    protected override void PreStart() =>
        global::Akka.Cluster.Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
            typeof(ClusterEvent.UnreachableMember), typeof(ClusterEvent.MemberRemoved));

    protected override void PostStop() => global::Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);
}
