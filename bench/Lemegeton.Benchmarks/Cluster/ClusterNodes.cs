using System.Collections;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Cluster;
using Akka.Cluster.Tools.Singleton;
using Akka.Configuration;
using Lemegeton.Hocon.Configuration;
using Lemegeton.Hosting;
using Lemegeton.Hosting.Configuration;
using Lemegeton.Hub.Actors;
using Lemegeton.Hub.Events;
using Lemegeton.Persistence.Local;
using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Benchmarks.Cluster;

/// <summary>
/// Hub and agent nodes as actor systems in this process, clustered over loopback TCP, configured as
/// the product ships: the <c>akka</c> section of <c>hocon/reference.conf</c> (failure detector,
/// resolver, gossip), only the port (0), the role and the log level overridden; the hub runs the
/// coordinator singleton and <see cref="AgentNodeDowning"/>, as <c>LemegetonAkka</c> sets them up.
/// </summary>
internal static class ClusterNodes
{
    private static readonly Lazy<Config> Reference = new(() =>
    {
        var empty = Directory.CreateTempSubdirectory("lemegeton-bench-conf-");
        try
        {
            return AkkaConfiguration.From(LemegetonConfiguration.LoadHocon(empty.FullName, new Hashtable())).ToConfig();
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    });

    /// <summary>The shipped akka section (for printing the settings a run used).</summary>
    public static Config ReferenceAkka => Reference.Value;

    public static ActorSystemSetup Setup(string role, string extra = "")
    {
        var config = ConfigurationFactory.ParseString($$"""
            akka.loglevel = WARNING
            akka.remote.dot-netty.tcp.port = 0
            akka.cluster.seed-nodes = []
            akka.cluster.roles = [{{role}}]
            {{extra}}
            """)
            .WithFallback(Reference.Value)
            .WithFallback(ConfigurationFactory.ParseString(LemegetonSerialization.Hocon))
            .WithFallback(LocalJournalConfig.Default);
        return ActorSystemSetup.Create(BootstrapSetup.Create().WithConfig(config), LemegetonSerialization.CreateSetup(HubEvents.Registry));
    }

    /// <summary>Journal (local file journal, no fsync unless told) and snapshot store under <paramref name="root"/>.</summary>
    public static string PersistenceHocon(string root, string fsync = "never")
    {
        var journal = Path.Combine(root, "journal").Replace("\\", "/", StringComparison.Ordinal);
        var snapshots = Path.Combine(root, "snapshots").Replace("\\", "/", StringComparison.Ordinal);
        return $$"""
            akka.persistence.journal.plugin = "akka.persistence.journal.lemegeton-local"
            akka.persistence.journal.lemegeton-local.directory = "{{journal}}"
            akka.persistence.journal.lemegeton-local.fsync = {{fsync}}
            akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.local"
            akka.persistence.snapshot-store.local.dir = "{{snapshots}}"
            """;
    }

    /// <summary>A hub node: joins itself, runs the coordinator singleton and the agent-node downing actor.</summary>
    public static (ActorSystem System, IActorRef Proxy) StartHub(CoordinatorSettings settings, string persistenceHocon, string extra = "")
    {
        var hub = ActorSystem.Create("lemegeton", Setup("hub", persistenceHocon + "\n" + extra));
        var cluster = global::Akka.Cluster.Cluster.Get(hub);
        cluster.Join(cluster.SelfAddress);
        hub.ActorOf(AgentNodeDowning.Props(), AgentNodeDowning.ActorName);
        hub.ActorOf(ClusterSingletonManager.Props(HubCoordinator.Props(settings), PoisonPill.Instance,
            ClusterSingletonManagerSettings.Create(hub).WithRole("hub")), "coordinator");
        return (hub, Proxy(hub));
    }

    /// <summary>An agent node that joins <paramref name="hub"/>; terminating it does not leave the cluster (a crash, as the hub sees it).</summary>
    public static (ActorSystem System, IActorRef Proxy) StartAgentNode(Address hub, string extra = "")
    {
        var system = ActorSystem.Create("lemegeton", Setup("agent", "akka.coordinated-shutdown.run-by-actor-system-terminate = off\n" + extra));
        global::Akka.Cluster.Cluster.Get(system).Join(hub);
        return (system, Proxy(system));
    }

    public static IActorRef Proxy(ActorSystem system) =>
        system.ActorOf(ClusterSingletonProxy.Props("/user/coordinator", ClusterSingletonProxySettings.Create(system).WithRole("hub")), "coordinator-proxy");

    /// <summary>The failure-detector and membership settings in effect, for the report.</summary>
    public static string DescribeTiming(ActorSystem system)
    {
        var c = system.Settings.Config;
        string T(string path) => c.GetTimeSpan(path).TotalMilliseconds + " ms";
        return $"heartbeat-interval {T("akka.cluster.failure-detector.heartbeat-interval")}, acceptable-heartbeat-pause {T("akka.cluster.failure-detector.acceptable-heartbeat-pause")}, " +
            $"threshold {c.GetDouble("akka.cluster.failure-detector.threshold")}, min-std-deviation {T("akka.cluster.failure-detector.min-std-deviation")}, " +
            $"reaper {T("akka.cluster.unreachable-nodes-reaper-interval")}, gossip {T("akka.cluster.gossip-interval")}, leader-actions {T("akka.cluster.leader-actions-interval")}, " +
            $"down on disconnect {c.GetBoolean(AgentNodeDowning.OnDisconnectKey, false)}";
    }
}
