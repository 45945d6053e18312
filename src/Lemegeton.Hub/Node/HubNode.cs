using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Hosting;
using Lemegeton.Core.TaskList;
using Lemegeton.Hocon;
using Lemegeton.Hosting;
using Lemegeton.Hub.Actors;
using Lemegeton.Hub.Admin;
using Lemegeton.Hub.Daemon;
using Lemegeton.Hub.Events;
using Lemegeton.Hub.Gateway;
using Lemegeton.Hub.Spawner;
using Lemegeton.Protocol.Security;
using Lemegeton.Protocol.Serialization;
using Lemegeton.Storage.Git;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Hub.Node;

/// <summary>
/// What <c>lemegeton hub start</c> adds to the daemon's host (through <see cref="HubDaemon.RunAsync"/>'s
/// <c>extend</c>): the actor system as the cluster's seed (role <c>hub</c>, joining itself) on the
/// <c>akka</c> section's host and port, the chosen journal (<see cref="HubJournal"/>), the coordinator
/// singleton with the task list, the git mirror, the Redis health checks of the mode FSM, the task-list
/// watcher and the cluster secret; the agent gatekeeper, the gateway link and the spawner beside it; SIGHUP
/// → reload; the operator admin endpoints (and TCP when enabled), the runtime status, the shutdown steps and
/// <c>.lemegeton/hub.address</c>. Problems the user can fix (task list, port, Redis URL) throw
/// <see cref="HubStartupException"/> with one line naming the file and line or the key.
/// </summary>
public static class HubNode
{
    public static void AddHubNode(this WebApplicationBuilder builder, string repositoryRoot, HubNodeSettings settings, SpawnerSettings? spawner = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        var taskList = LoadTaskList(repositoryRoot, settings);
        CheckPort(settings);

        var services = builder.Services;
        // Agents prove this secret when they register (an agent on this machine reads the same file).
        ClusterSecret secret;
        try
        {
            secret = ClusterSecret.LoadOrCreate(Path.Combine(repositoryRoot, ".lemegeton"));
        }
        catch (InvalidDataException e)
        {
            throw new HubStartupException(e.Message, e);
        }
        services.AddSingleton(sp => new HubJournal(repositoryRoot, settings.Redis, settings.Journal, sp.GetRequiredService<ILogger<HubJournal>>()));
        services.AddSingleton<HubRedisHealth>();
        services.AddLemegetonAkka(settings.Akka, NodeRole.Hub, new LemegetonAkkaOptions { SeedNodes = [] }, (akka, sp) =>
        {
            // The daemon's shutdown sequence drives CoordinatedShutdown (its last step): the runtime's exit hook must not run it first.
            akka.AddHocon("akka.coordinated-shutdown.run-by-clr-shutdown-hook = off", HoconAddMode.Prepend);
            akka.WithLemegetonSerializer(HubEvents.Registry);
            // The journal is chosen (and the embedded Redis started) before the actor system is configured: Akka.Hosting
            // builds the system when the hosted services are created, before any of them starts.
            var journal = sp.GetRequiredService<HubJournal>();
            journal.StartAsync(sp.GetRequiredService<TimeProvider>(), CancellationToken.None).GetAwaiter().GetResult();
            journal.Configure(akka);
            var git = new GitMirrorOptions
            {
                TaskListPath = settings.TaskListPath,
                AuthorName = settings.Git.AuthorName,
                AuthorEmail = settings.Git.AuthorEmail,
                BusyRetryInterval = settings.Git.BusyRetryInterval,
                BusyMaxWait = settings.Git.BusyMaxWait,
            };
            var coordinator = new CoordinatorSettings
            {
                TaskList = taskList,
                HeartbeatInterval = settings.Coordination.HeartbeatInterval,
                HeartbeatTimeout = settings.Coordination.HeartbeatTimeout,
                SnapshotEvery = settings.Journal.SnapshotEvery,
                Scheduler = settings.Scheduler,
                ClusterSecret = secret,
                Modes = new CoordinationModeSettings
                {
                    HealthCheck = sp.GetRequiredService<HubRedisHealth>().Check,
                    CheckInterval = settings.Coordination.HealthCheckInterval,
                    FailureThreshold = settings.Coordination.HealthFailureThreshold,
                    Cooldown = settings.Coordination.ModeCooldown,
                },
                TaskListWatch = new TaskListWatchSettings { Path = Path.GetFullPath(settings.TaskListPath, repositoryRoot) },
                GitMirror = new TaskListGitMirror(repositoryRoot, git, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TaskListGitMirror>>()),
                AdvisoryLocksDirectory = Path.Combine(repositoryRoot, ".lemegeton", "isolated", "locks"),
            };
            akka.WithHubCoordinator<HubCoordinatorKey>(HubCoordinator.Props(coordinator));
            akka.WithActors((system, registry) =>
            {
                system.ActorOf(AgentNodeGatekeeper.Props(settings.Coordination.RegistrationDeadline), "agent-gatekeeper");
                // SIGHUP re-reads the task list (the watcher also picks up edits by itself).
                var coordinatorRef = registry.Get<HubCoordinatorKey>();
                sp.GetRequiredService<HubReloadSignal>().Reloaded += _ => coordinatorRef.Tell(ReloadTaskList.Instance);
            });
            if (settings.GatewayLink is { } link) akka.WithGatewayLink<HubCoordinatorKey>(link);
            akka.WithAgentSpawner(spawner);
        });
        services.AddHostedService<HubNodeStarted>(); // after the actor system's: it needs it running
        services.AddSingleton(sp => new HubCoordinatorRef(() => sp.GetRequiredService<ActorRegistry>().Get<HubCoordinatorKey>()));
        services.AddHubOperatorAdmin();
        if (settings.AdminTcp is { Enabled: true } tcp) builder.AddHubAdminTcp(tcp, repositoryRoot);
        services.AddSingleton<CoordinatorRuntimeStatus>();
        services.AddSingleton<IHubRuntimeStatus>(sp => sp.GetRequiredService<CoordinatorRuntimeStatus>());
        services.AddCoordinatorShutdownSteps();
    }

    /// <summary>
    /// The task list at <c>lemegeton.task-list.path</c>; an empty one when there is no file yet. A list
    /// that does not parse stops the start with its first problem (file:line:column) and how many more.
    /// </summary>
    internal static TaskListDocument LoadTaskList(string repositoryRoot, HubNodeSettings settings)
    {
        var path = Path.GetFullPath(settings.TaskListPath, repositoryRoot);
        if (!File.Exists(path)) return TaskListParser.Parse("", settings.TaskListPath, settings.TaskList with { Mode = TaskListValidationMode.Lenient });
        TaskListDocument document;
        try
        {
            document = TaskListDocument.Load(path, settings.TaskList);
        }
        catch (TaskListException e)
        {
            throw new HubStartupException(Describe(e.Diagnostics, path), e);
        }

        if (!document.IsValid) throw new HubStartupException(Describe(document.Diagnostics, path));
        return document;
    }

    private static string Describe(IReadOnlyList<TaskListDiagnostic> diagnostics, string path)
    {
        var errors = diagnostics.Where(d => d.IsError).ToList();
        if (errors.Count == 0) return $"the task list {path} is not valid";
        var more = errors.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (and {errors.Count - 1} more; run 'lemegeton tasks validate')") : "";
        return $"invalid task list: {errors[0].Headline}{more}";
    }

    /// <summary>A configured port that another process holds fails the start here, with the key, rather than deep inside Akka's start.</summary>
    internal static void CheckPort(HubNodeSettings settings)
    {
        var host = (settings.Akka.Find("akka.remote.dot-netty.tcp.hostname") as HoconScalar)?.Text ?? "127.0.0.1";
        var portText = (settings.Akka.Find("akka.remote.dot-netty.tcp.port") as HoconScalar)?.Text ?? "4053";
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            throw new HubStartupException($"akka.remote.dot-netty.tcp.port: '{portText}' is not a port number (0 to 65535)");
        if (port == 0) return;
        var address = IPAddress.TryParse(host, out var ip) ? ip : IPAddress.Any;
        try
        {
            using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(address, port));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new HubStartupException(string.Create(CultureInfo.InvariantCulture,
                $"akka.remote.dot-netty.tcp.port: {host}:{port} is already in use by another program; set another port (e.g. --set akka.remote.dot-netty.tcp.port=4054)"), e);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressNotAvailable)
        {
            throw new HubStartupException($"akka.remote.dot-netty.tcp.hostname: {host} is not an address of this machine", e);
        }
    }
}
