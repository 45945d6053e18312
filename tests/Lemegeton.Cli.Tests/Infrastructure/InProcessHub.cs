using System.Diagnostics;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Cluster;
using Akka.Cluster.Tools.Singleton;
using Akka.Configuration;
using Akka.TestKit.Xunit2;
using Lemegeton.Core.TaskList;
using Lemegeton.Hub.Actors;
using Lemegeton.Hub.Admin;
using Lemegeton.Hub.Daemon;
using Lemegeton.Hub.Events;
using Lemegeton.Persistence.Local;
using Lemegeton.Protocol.Serialization;
using Lemegeton.Storage.Git;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lemegeton.Cli.Tests.Infrastructure;

/// <summary>
/// A real hub in a temp git repository, in this process: the daemon (<see cref="HubDaemon.RunAsync"/>:
/// lock, PID file, rolling log, admin API on <c>.lemegeton/hub.sock</c>) extended, through its
/// <c>extend</c> hook, with an Akka.NET cluster node running the coordinator singleton (local journal,
/// git mirror of the task list) and the operator endpoints. The CLI talks to it over the real socket.
/// Agents are test probes registered with the coordinator.
/// </summary>
internal sealed class InProcessHub : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    public const string TaskListPath = "docs/task-list.md";
    private readonly Task<int> _daemon;
    private readonly StringWriter _daemonError = new();

    private InProcessHub(string root, ActorSystem system, IActorRef proxy, Task<int> daemon)
    {
        Root = root;
        System = system;
        Proxy = proxy;
        _daemon = daemon;
        Kit = new TestKit(system);
    }

    public string Root { get; }
    public ActorSystem System { get; }
    public IActorRef Proxy { get; }
    public TestKit Kit { get; }
    public HubPaths Paths => new(Root);

    public static async Task<InProcessHub> StartAsync(string taskList)
    {
        var root = Directory.CreateTempSubdirectory("lmg-cli-hub-").FullName;
        Git(root, "init", "-q");
        Git(root, "config", "user.email", "test@example.invalid");
        Git(root, "config", "user.name", "Test");
        var file = Path.Combine(root, TaskListPath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, taskList);
        Git(root, "add", TaskListPath);
        Git(root, "commit", "-q", "-m", "Task list");

        var document = TaskListParser.Parse(taskList, TaskListPath);
        Assert.True(document.IsValid, string.Join("\n", document.Diagnostics));
        var mirror = new TaskListGitMirror(root, new GitMirrorOptions { TaskListPath = TaskListPath }, TimeProvider.System, NullLogger<TaskListGitMirror>.Instance);
        var settings = new CoordinatorSettings { TaskList = document, HeartbeatTimeout = TimeSpan.FromMinutes(5), GitMirror = mirror };

        var journal = Path.Combine(root, ".lemegeton", "journal");
        var system = ActorSystem.Create("lemegeton", ActorSystemSetup.Create(BootstrapSetup.Create().WithConfig(
            ConfigurationFactory.ParseString($$"""
                akka.loglevel = WARNING
                akka.actor.provider = cluster
                akka.remote.dot-netty.tcp.hostname = "127.0.0.1"
                akka.remote.dot-netty.tcp.port = 0
                akka.cluster.roles = [hub]
                akka.cluster.singleton-proxy.singleton-identification-interval = 200ms
                akka.persistence.journal.plugin = "akka.persistence.journal.lemegeton-local"
                akka.persistence.journal.lemegeton-local.directory = "{{journal}}/events"
                akka.persistence.journal.lemegeton-local.fsync = never
                akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.local"
                akka.persistence.snapshot-store.local.dir = "{{journal}}/snapshots"
                """)
                .WithFallback(ConfigurationFactory.ParseString(LemegetonSerialization.Hocon))
                .WithFallback(LocalJournalConfig.Default)), LemegetonSerialization.CreateSetup(HubEvents.Registry)));
        var cluster = Cluster.Get(system);
        cluster.Join(cluster.SelfAddress);
        system.ActorOf(ClusterSingletonManager.Props(HubCoordinator.Props(settings), PoisonPill.Instance,
            ClusterSingletonManagerSettings.Create(system).WithRole("hub").WithSingletonName("coordinator")), "coordinator");
        var proxy = system.ActorOf(ClusterSingletonProxy.Props("/user/coordinator", ClusterSingletonProxySettings.Create(system).WithRole("hub").WithSingletonName("coordinator")), "coordinator-proxy");

        var daemonSettings = new HubDaemonSettings(root, new HubOptions(), new LoggingOptions(), LogToConsole: false, Detached: false);
        var error = new StringWriter();
        var daemon = Task.Run(() => HubDaemon.RunAsync(daemonSettings, error, builder =>
        {
            builder.Services.AddSingleton(new HubCoordinatorRef(proxy));
            builder.Services.AddSingleton(system);
            builder.Services.AddHubOperatorAdmin();
        }));
        var hub = new InProcessHub(root, system, proxy, daemon);
        var deadline = Stopwatch.StartNew();
        while (await HubLauncher.TryStatusAsync(hub.Paths) is null)
        {
            if (daemon.IsCompleted) throw new InvalidOperationException($"the hub exited with {daemon.Result}: {error}");
            if (deadline.Elapsed > Patience) throw new TimeoutException("the in-process hub did not answer on its socket");
            await Task.Delay(50); // polling the socket: there is no signal to await from another component
        }
        return hub;
    }

    /// <summary>Runs the CLI in this repository.</summary>
    public CliRun Cli(params string[] args) => CliRun.Of(Root, args);

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var client = new HubAdminClient(Paths.AdminSocket);
            await client.RequestShutdownAsync();
        }
        catch (HubNotRunningException)
        {
        }
        await _daemon.WaitAsync(Patience);
        await System.Terminate();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public static string Git(string root, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return output;
    }
}
