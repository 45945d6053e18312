using Akka.Actor;
using Akka.Cluster;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Agent.Actors;

/// <summary>
/// Ends this actor system when the hub is gone from it: the hub left or was removed (a restart), or it
/// stayed unreachable for <c>hubLostAfter</c>. The agent then starts a new actor system (a new
/// incarnation, which Akka needs to join a restarted hub) and registers again. Usually the split-brain
/// resolver downs an agent cut off from the hub first; this watcher covers a hub that leaves cleanly and
/// clusters configured without a resolver.
/// </summary>
internal sealed partial class HubWatcher : ReceiveActor, IWithTimers
{
    private const string HubRole = "hub";
    private readonly ILogger _logger;
    private readonly HashSet<UniqueAddress> _unreachable = [];
    private bool _ending;

    public HubWatcher(TimeSpan hubLostAfter, ILogger logger)
    {
        _logger = logger;
        var cluster = Cluster.Get(Context.System);
        Receive<ClusterEvent.MemberUp>(up => { if (up.Member.HasRole(HubRole)) LogHubUp(_logger, up.Member.Address.ToString()); });
        Receive<ClusterEvent.MemberRemoved>(r => r.Member.HasRole(HubRole), r => End($"the hub {r.Member.Address} left the cluster"));
        Receive<ClusterEvent.MemberExited>(r => r.Member.HasRole(HubRole), r => End($"the hub {r.Member.Address} is leaving the cluster"));
        Receive<ClusterEvent.UnreachableMember>(u => u.Member.HasRole(HubRole), u =>
        {
            _unreachable.Add(u.Member.UniqueAddress);
            Timers.StartSingleTimer("lost", new HubLost(u.Member.Address), hubLostAfter);
        });
        Receive<ClusterEvent.ReachableMember>(r => r.Member.HasRole(HubRole), r =>
        {
            _unreachable.Remove(r.Member.UniqueAddress);
            if (_unreachable.Count == 0) Timers.Cancel("lost");
        });
        Receive<HubLost>(l => End($"the hub {l.Address} was unreachable for {hubLostAfter.TotalSeconds:0.#} s"));
        Receive<ClusterEvent.IMemberEvent>(_ => { });
        Receive<ClusterEvent.IReachabilityEvent>(_ => { });
        Receive<ClusterEvent.CurrentClusterState>(_ => { });
        cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(TimeSpan hubLostAfter, ILogger logger) => Akka.Actor.Props.Create(() => new HubWatcher(hubLostAfter, logger));

    protected override void PostStop() => Cluster.Get(Context.System).Unsubscribe(Self);

    private void End(string why)
    {
        if (_ending) return;
        _ending = true;
        LogHubGone(_logger, why);
        // Down ourselves: there is no hub to leave gracefully with; downing runs CoordinatedShutdown.
        var cluster = Cluster.Get(Context.System);
        cluster.Down(cluster.SelfAddress);
        Context.System.Terminate();
    }

    private sealed record HubLost(Address Address);

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Hub node {Address} is up")]
    private static partial void LogHubUp(ILogger logger, string address);

    [LoggerMessage(EventId = 31, Level = LogLevel.Warning, Message = "{Why}: this actor system ends and a new one joins again")]
    private static partial void LogHubGone(ILogger logger, string why);
}
