using System.Diagnostics;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Cluster;
using Akka.Cluster.Tools.Singleton;
using Akka.Configuration;
using Lemegeton.Core.TaskList;
using Lemegeton.Hub.Actors;
using Lemegeton.Hub.Events;
using Lemegeton.Persistence.Local;
using Lemegeton.Protocol.Security;
using Lemegeton.Protocol.Serialization;
using Lemegeton.Storage.Git;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lemegeton.Agent.Tests.Infrastructure;

/// <summary>
/// A real git repository holding a task list, and a hub node in this process (role hub: the coordinator as
/// cluster singleton on a local journal, the agent gatekeeper) on a loopback port of its own, with the
/// repository's cluster secret — what 'hub start' runs, without the daemon around it.
/// </summary>
internal sealed class HubNode : IAsyncDisposable
{
    public const string TaskListPath = "docs/task-list.md";

    private HubNode(string root) => Root = root;

    public string Root { get; }
    public string RepoPath => Path.Combine(Root, "repo");
    public ActorSystem System { get; private set; } = null!;
    public HubEventLog Log { get; private set; } = new();
    public CoordinatorSettings Settings { get; private set; } = null!;
    public int Port { get; private set; }
    public ClusterSecret Secret { get; private set; } = null!;
    public string HubArgument => $"127.0.0.1:{Port}";

    public static async Task<HubNode> StartAsync(string taskList, int maxAttempts = 3, TimeSpan? registrationDeadline = null)
    {
        var node = new HubNode(Path.Combine(Path.GetTempPath(), "lemegeton-agent-" + Guid.NewGuid().ToString("N")[..12]));
        Directory.CreateDirectory(node.RepoPath);
        Git(node.RepoPath, "init", "-q", "-b", "main");
        Git(node.RepoPath, "config", "user.name", "Test");
        Git(node.RepoPath, "config", "user.email", "test@example.invalid");
        var file = Path.Combine(node.RepoPath, TaskListPath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, taskList);
        await File.WriteAllTextAsync(Path.Combine(node.RepoPath, ".gitignore"), ".lemegeton/\n");
        Git(node.RepoPath, "add", ".");
        Git(node.RepoPath, "commit", "-q", "-m", "Task list");
        node.Secret = ClusterSecret.LoadOrCreate(Path.Combine(node.RepoPath, ".lemegeton"));

        var parsed = TaskListParser.Parse(taskList, TaskListPath);
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Diagnostics));
        node.Settings = new CoordinatorSettings
        {
            TaskList = parsed,
            HeartbeatInterval = TimeSpan.FromMilliseconds(300),
            HeartbeatTimeout = TimeSpan.FromSeconds(10),
            MaxAttempts = maxAttempts,
            ClusterSecret = node.Secret,
            GitMirror = new TaskListGitMirror(node.RepoPath, new GitMirrorOptions { TaskListPath = TaskListPath }, TimeProvider.System, NullLogger<TaskListGitMirror>.Instance),
        };
        node.Start(0, registrationDeadline ?? TimeSpan.FromSeconds(30));
        return node;
    }

    /// <summary>Stops the hub node and starts a new one on the same port, journal and repository.</summary>
    public async Task RestartAsync()
    {
        await System.Terminate();
        Log = new HubEventLog();
        Start(Port, TimeSpan.FromSeconds(30));
    }

    public Task StopAsync() => System.Terminate();

    private void Start(int port, TimeSpan registrationDeadline)
    {
        var journal = Path.Combine(Root, "journal");
        var snapshots = Path.Combine(Root, "snapshots");
        var config = ConfigurationFactory.ParseString($$"""
            akka.loglevel = WARNING
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp.hostname = "127.0.0.1"
            akka.remote.dot-netty.tcp.port = {{port}}
            akka.cluster.roles = [hub]
            akka.cluster.downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
            akka.cluster.split-brain-resolver.active-strategy = keep-oldest
            akka.cluster.split-brain-resolver.keep-oldest.down-if-alone = off
            akka.cluster.split-brain-resolver.keep-oldest.role = hub
            akka.cluster.split-brain-resolver.stable-after = 2s
            akka.cluster.failure-detector.heartbeat-interval = 300ms
            akka.cluster.failure-detector.acceptable-heartbeat-pause = 5s
            akka.cluster.singleton.hand-over-retry-interval = 200ms
            akka.persistence.journal.plugin = "akka.persistence.journal.lemegeton-local"
            akka.persistence.journal.lemegeton-local.directory = "{{journal}}"
            akka.persistence.journal.lemegeton-local.fsync = never
            akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.local"
            akka.persistence.snapshot-store.local.dir = "{{snapshots}}"
            """)
            .WithFallback(ConfigurationFactory.ParseString(LemegetonSerialization.Hocon))
            .WithFallback(LocalJournalConfig.Default);
        System = ActorSystem.Create("lemegeton", ActorSystemSetup.Create(BootstrapSetup.Create().WithConfig(config), LemegetonSerialization.CreateSetup(HubEvents.Registry)));
        Log.Attach(System);
        var cluster = Cluster.Get(System);
        cluster.Join(cluster.SelfAddress);
        Port = cluster.SelfAddress.Port!.Value;
        System.ActorOf(ClusterSingletonManager.Props(HubCoordinator.Props(Settings), PoisonPill.Instance,
            ClusterSingletonManagerSettings.Create(System).WithRole("hub").WithSingletonName("coordinator")), "coordinator");
        System.ActorOf(AgentNodeGatekeeper.Props(registrationDeadline), "agent-gatekeeper");
    }

    public async Task<CoordinatorSnapshot> StateAsync()
    {
        var proxy = System.ActorOf(ClusterSingletonProxy.Props("/user/coordinator", ClusterSingletonProxySettings.Create(System).WithRole("hub").WithSingletonName("coordinator")));
        try { return await proxy.Ask<CoordinatorSnapshot>(GetCoordinatorState.Instance, TimeSpan.FromSeconds(20)); }
        finally { System.Stop(proxy); }
    }

    public static string Git(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"git {string.Join(' ', args)} failed: {error}");
        return output.Trim();
    }

    public async ValueTask DisposeAsync()
    {
        await System.Terminate();
        try
        {
            foreach (var f in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)) File.SetAttributes(f, FileAttributes.Normal);
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
