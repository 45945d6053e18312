using AgentTypes = Lemegeton.Core.Scheduling.AgentTypes;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Cluster;
using Akka.Cluster.Tools.Singleton;
using Akka.Configuration;
using Lemegeton.Core.TaskList;
using Lemegeton.Hub.Actors;
using Lemegeton.Hub.Events;
using Lemegeton.Persistence.Local;
using Lemegeton.Protocol.Leases;
using Lemegeton.Protocol.Serialization;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Work;
using Lemegeton.Storage.Git;
using LibGit2Sharp;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lemegeton.Hub.Tests.Actors;

/// <summary>
/// A hub node (role hub: the coordinator as cluster singleton, local journal in a temp folder, a real
/// git repository holding the task list) and agent nodes (role agent), each its own actor system in
/// this process, clustered over loopback TCP.
/// </summary>
internal sealed class TestCluster : IAsyncDisposable
{
    public const string TaskListPath = "docs/task-list.md";
    private readonly List<ActorSystem> _agents = [];
    private string? _journalHocon;
    private string _extraConfig = "";

    private TestCluster(string root) => Root = root;

    public string Root { get; }
    public string RepoPath => Path.Combine(Root, "repo");
    public ActorSystem Hub { get; private set; } = null!;
    public IActorRef HubProxy { get; private set; } = null!;
    public HubEventLog Log { get; } = new();
    public FileOccupancy Occupancy { get; } = new();
    public TaskListDocument TaskList { get; private set; } = null!;
    public int InitialCommits { get; private set; }

    /// <param name="configure">Changes to the coordinator's settings (mode FSM, lease TTL, task-list watch …).</param>
    /// <param name="journalHocon">The hub's journal configuration; null: the local journal under <see cref="Root"/>.</param>
    /// <param name="extraConfig">More HOCON for every node (e.g. a patient failure detector).</param>
    /// <param name="mirrorOptions">The git mirror's options (the task list path is set here).</param>
    public static async Task<TestCluster> StartAsync(string taskList, TimeSpan heartbeatTimeout, TimeSpan? heartbeatInterval = null, int snapshotEvery = 25,
        Func<TestCluster, CoordinatorSettings, CoordinatorSettings>? configure = null, string? journalHocon = null, string extraConfig = "", GitMirrorOptions? mirrorOptions = null)
    {
        var cluster = new TestCluster(Path.Combine(Path.GetTempPath(), "lemegeton-hub-actors-" + Guid.NewGuid().ToString("N")))
        {
            _journalHocon = journalHocon,
            _extraConfig = extraConfig,
        };
        Directory.CreateDirectory(cluster.RepoPath);
        Repository.Init(cluster.RepoPath);
        using (var repo = new Repository(cluster.RepoPath))
        {
            var file = Path.Combine(cluster.RepoPath, TaskListPath);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, taskList);
            Commands.Stage(repo, TaskListPath);
            var me = new Signature("Test", "test@example.invalid", DateTimeOffset.UnixEpoch);
            repo.Commit("Task list", me, me);
            cluster.InitialCommits = repo.Commits.Count();
        }
        cluster.TaskList = TaskListParser.Parse(taskList, TaskListPath);
        Assert.True(cluster.TaskList.IsValid, string.Join("\n", cluster.TaskList.Diagnostics));

        var options = mirrorOptions ?? new GitMirrorOptions();
        options.TaskListPath = TaskListPath;
        var mirror = new TaskListGitMirror(cluster.RepoPath, options, TimeProvider.System, NullLogger<TaskListGitMirror>.Instance);
        var settings = new CoordinatorSettings
        {
            TaskList = cluster.TaskList,
            HeartbeatInterval = heartbeatInterval ?? TimeSpan.FromMilliseconds(200),
            HeartbeatTimeout = heartbeatTimeout,
            SnapshotEvery = snapshotEvery,
            GitMirror = mirror,
        };
        if (configure is not null) settings = configure(cluster, settings);
        cluster.StartHub(settings);
        await Task.CompletedTask;
        return cluster;
    }

    public CoordinatorSettings Settings { get; private set; } = null!;

    /// <summary>Stops the hub node and starts a new one on the same journal, snapshots and repository.</summary>
    public async Task RestartHubAsync()
    {
        await Hub.Terminate();
        StartHub(Settings);
    }

    public void StartHub(CoordinatorSettings settings)
    {
        Settings = settings;
        var journal = Path.Combine(Root, "journal").Replace("\\", "/", StringComparison.Ordinal);
        var snapshots = Path.Combine(Root, "snapshots").Replace("\\", "/", StringComparison.Ordinal);
        Hub = ActorSystem.Create("lemegeton", Setup("hub", (_journalHocon ?? $$"""
            akka.persistence.journal.plugin = "akka.persistence.journal.lemegeton-local"
            akka.persistence.journal.lemegeton-local.directory = "{{journal}}"
            akka.persistence.journal.lemegeton-local.fsync = never
            """) + $$"""

            akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.local"
            akka.persistence.snapshot-store.local.dir = "{{snapshots}}"
            {{_extraConfig}}
            """));
        Log.Attach(Hub);
        var cluster = Cluster.Get(Hub);
        cluster.Join(cluster.SelfAddress);
        Hub.ActorOf(ClusterSingletonManager.Props(HubCoordinator.Props(settings), PoisonPill.Instance,
            ClusterSingletonManagerSettings.Create(Hub).WithRole("hub").WithSingletonName("coordinator")), "coordinator");
        HubProxy = Proxy(Hub);
    }

    /// <summary>Starts an agent node that joins the hub and runs one <see cref="TestAgent"/>.</summary>
    public ActorSystem StartAgent(string agentId, string agentType, TestAgentBehaviour behaviour, IActorRef monitor, TimeSpan? workTime = null, ManualResetEventSlim? hang = null)
    {
        var (system, proxy) = StartAgentNode();
        system.ActorOf(TestAgent.Props(proxy, agentId, agentType, behaviour, Occupancy, monitor, workTime ?? TimeSpan.FromMilliseconds(20), hang), "agent-" + agentId);
        return system;
    }

    /// <summary>Starts an agent node (role agent) that joins the hub, with a singleton proxy to the coordinator; the test plays the agent.</summary>
    public (ActorSystem System, IActorRef CoordinatorProxy) StartAgentNode()
    {
        var system = ActorSystem.Create("lemegeton", Setup("agent", $$"""
            akka.coordinated-shutdown.run-by-actor-system-terminate = off
            {{_extraConfig}}
            """));
        _agents.Add(system);
        Cluster.Get(system).Join(Cluster.Get(Hub).SelfAddress);
        return (system, Proxy(system));
    }

    /// <summary>
    /// The test plays agent <paramref name="agentId"/> with <paramref name="agent"/>: it registers, takes the PR
    /// it is first assigned and leases that PR's files. Returns its session, the assignment and the grant.
    /// </summary>
    public (IActorRef Session, AssignPr Work, LeasesGranted Grant) LeaseFirstPr(Akka.TestKit.TestProbe agent, string agentId, TimeSpan patience)
    {
        agent.Send(HubProxy, new RegisterAgent("r-" + agentId, 1, agentId, AgentTypes.Worker, "sonnet", 10));
        agent.ExpectMsg<Welcome>(patience);
        var session = agent.LastSender;
        var work = agent.ExpectMsg<AssignPr>(patience);
        session.Tell(new AcquireLeases("l-" + agentId, work.PrId, work.Files), agent.Ref);
        return (session, work, agent.ExpectMsg<LeasesGranted>(patience));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var a in _agents) await a.Terminate();
        await Hub.Terminate();
        try { DeleteTree(Root); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public int CommitCount()
    {
        using var repo = new Repository(RepoPath);
        return repo.Commits.Count();
    }

    private static IActorRef Proxy(ActorSystem system) =>
        system.ActorOf(ClusterSingletonProxy.Props("/user/coordinator", ClusterSingletonProxySettings.Create(system).WithRole("hub").WithSingletonName("coordinator")), "coordinator-proxy");

    private static ActorSystemSetup Setup(string role, string extra)
    {
        var config = ConfigurationFactory.ParseString($$"""
            akka.loglevel = WARNING
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp.hostname = "127.0.0.1"
            akka.remote.dot-netty.tcp.port = 0
            akka.cluster.roles = [{{role}}]
            akka.cluster.downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
            akka.cluster.split-brain-resolver.active-strategy = keep-oldest
            akka.cluster.split-brain-resolver.keep-oldest.down-if-alone = off
            akka.cluster.split-brain-resolver.stable-after = 2s
            akka.cluster.failure-detector.heartbeat-interval = 300ms
            akka.cluster.failure-detector.acceptable-heartbeat-pause = 2s
            akka.cluster.singleton.hand-over-retry-interval = 200ms
            akka.cluster.singleton-proxy.singleton-identification-interval = 200ms
            {{extra}}
            """)
            .WithFallback(ConfigurationFactory.ParseString(LemegetonSerialization.Hocon))
            .WithFallback(LocalJournalConfig.Default);
        return ActorSystemSetup.Create(BootstrapSetup.Create().WithConfig(config), LemegetonSerialization.CreateSetup(HubEvents.Registry));
    }

    private static void DeleteTree(string path)
    {
        foreach (var f in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)) File.SetAttributes(f, FileAttributes.Normal);
        Directory.Delete(path, recursive: true);
    }
}
