using System.Globalization;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Cluster;
using Akka.Cluster.Tools.Singleton;
using Akka.Configuration;
using Lemegeton.Agent.Actors;
using Lemegeton.Agent.Execution;
using Lemegeton.Agent.LocalSocket;
using Lemegeton.Agent.Workspace;
using Lemegeton.Protocol.Serialization;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Agent;

/// <summary>
/// A <c>lemegeton agent</c> process: its agents (<see cref="AgentSlot"/>s, each with a workspace and a
/// local socket) and the actor system that joins the hub's cluster as role <c>agent</c>. When that actor
/// system ends without being asked to (the hub restarted or left, this node was downed), a new one is
/// started and joins again — a new incarnation, as Akka requires for a node to rejoin — while the
/// agents' running commands go on; each agent registers again once idle and reports what finished.
/// </summary>
public sealed partial class AgentRuntime : IAsyncDisposable
{
    /// <summary>Exit code when the hub refused the agents (no or wrong cluster secret).</summary>
    public const int UnauthorizedExitCode = 3;

    /// <summary>Name of the hub's coordinator singleton manager (<c>/user/coordinator</c>).</summary>
    public const string CoordinatorPath = "/user/coordinator";

    /// <summary>The singleton's own name under its manager (the hub starts it with Akka.Hosting, which names it like the manager).</summary>
    public const string CoordinatorSingletonName = "coordinator";

    private readonly AgentOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly List<AgentSlot> _slots;
    private readonly List<AgentSocketServer> _sockets;
    private ActorSystem? _system;

    private AgentRuntime(AgentOptions options, ILoggerFactory loggers, TimeProvider time, List<AgentSlot> slots, List<AgentSocketServer> sockets)
    {
        _options = options;
        _loggers = loggers;
        _logger = loggers.CreateLogger("Lemegeton.Agent");
        _time = time;
        _slots = slots;
        _sockets = sockets;
    }

    public IReadOnlyList<AgentSlot> Slots => _slots;

    /// <summary>The current actor system (changes after a rejoin); null between systems.</summary>
    public ActorSystem? System => _system;

    /// <summary>How many actor systems this process has started (1 until the first rejoin).</summary>
    public int Incarnation { get; private set; }

    /// <summary>Prepares workspaces and local sockets for every agent; nothing joins yet.</summary>
    public static async Task<AgentRuntime> CreateAsync(AgentOptions options, ILoggerFactory loggers, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        time ??= TimeProvider.System;
        var slots = new List<AgentSlot>();
        var sockets = new List<AgentSocketServer>();
        var logger = loggers.CreateLogger("Lemegeton.Agent.LocalSocket");
        try
        {
            foreach (var id in options.AgentIds())
            {
                var workspace = options.Worktree
                    ? await AgentWorkspace.WorktreeAsync(options.RepositoryRoot, id).ConfigureAwait(false)
                    : AgentWorkspace.Shared(options.RepositoryRoot, id);
                var directory = AgentSocketPaths.AgentDirectory(options.RepositoryRoot, id);
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                var slot = new AgentSlot(id, workspace, directory, AgentSocketPaths.SocketPath(options.RepositoryRoot, id));
                sockets.Add(AgentSocketServer.Start(slot.SocketPath, (request, ct) => HandleLocalAsync(slot, request, ct), logger));
                slots.Add(slot);
            }
        }
        catch
        {
            foreach (var s in sockets) await s.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return new AgentRuntime(options, loggers, time, slots, sockets);
    }

    private static async Task<LocalReply> HandleLocalAsync(AgentSlot slot, LocalRequest request, CancellationToken cancellation)
    {
        if (slot.Actor is not { } actor)
        {
            return request.Op == LocalOps.Status
                ? new LocalReply(true, Agent: new LocalAgentInfo(slot.AgentId, false, null, slot.Mode.ToString().ToLowerInvariant(), slot.Current?.Assignment.PrId))
                : LocalReply.Failure("not-connected", $"agent {slot.AgentId} is between hub connections (the hub may be restarting); try again in a few seconds.");
        }
        return await actor.Ask<LocalReply>(new LocalCall(request), TimeSpan.FromSeconds(30), cancellation).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs until <paramref name="cancellation"/> (then stops every command, says Bye and leaves) or until
    /// every agent stopped (the hub said Shutdown, or refused the agents). Returns the process exit code.
    /// </summary>
    public async Task<int> RunAsync(CancellationToken cancellation)
    {
        var allStopped = Task.WhenAll(_slots.Select(s => s.Stopped));
        var cancelled = Task.Delay(Timeout.Infinite, cancellation);
        while (true)
        {
            var system = StartSystem();
            var first = await Task.WhenAny(system.WhenTerminated, allStopped, cancelled).ConfigureAwait(false);
            if (first == system.WhenTerminated && !cancellation.IsCancellationRequested && !allStopped.IsCompleted)
            {
                _system = null;
                LogRejoining(_logger, Incarnation, _options.RejoinDelay.TotalSeconds);
                try { await Task.Delay(_options.RejoinDelay, _time, cancellation).ConfigureAwait(false); }
                catch (OperationCanceledException) { break; }
                continue;
            }

            if (cancellation.IsCancellationRequested)
            {
                foreach (var slot in _slots) slot.Actor?.Tell(new StopAgent("the agent process is stopping"));
                await Task.WhenAny(allStopped, Task.Delay(_options.KillGrace + TimeSpan.FromSeconds(5), _time)).ConfigureAwait(false);
            }
            await CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.ClusterLeavingReason.Instance).ConfigureAwait(false);
            await system.WhenTerminated.ConfigureAwait(false);
            _system = null;
            break;
        }

        var errors = _slots.Where(s => s.Stopped.IsCompleted).Select(s => s.Stopped.Result).OfType<string>().Distinct().ToList();
        foreach (var e in errors) LogStoppedWithError(_logger, e);
        return errors.Count > 0 ? UnauthorizedExitCode : 0;
    }

    private ActorSystem StartSystem()
    {
        Incarnation++;
        var hub = Address.Parse(_options.HubAddress);
        var system = ActorSystem.Create(hub.System, ActorSystemSetup.Create(BootstrapSetup.Create().WithConfig(BuildConfig(_options)), LemegetonSerialization.CreateSetup()));
        _system = system;
        var proxy = system.ActorOf(ClusterSingletonProxy.Props(CoordinatorPath, ClusterSingletonProxySettings.Create(system).WithRole("hub").WithSingletonName(CoordinatorSingletonName)), "coordinator-proxy");
        system.ActorOf(HubWatcher.Props(_options.HubLostAfter, _loggers.CreateLogger("Lemegeton.Agent.HubWatcher")), "hub-watcher");
        var runner = new CommandRunner(_time, _loggers.CreateLogger("Lemegeton.Agent.Command"));
        foreach (var slot in _slots.Where(s => !s.Stopped.IsCompleted))
            system.ActorOf(AgentActor.Props(slot, proxy, _options, runner, _time, _loggers.CreateLogger("Lemegeton.Agent." + slot.AgentId)), "agent-" + slot.AgentId);
        Cluster.Get(system).JoinSeedNodes([hub]);
        LogStarted(_logger, Incarnation, Cluster.Get(system).SelfAddress.ToString(), _options.HubAddress, string.Join(", ", _slots.Select(s => s.AgentId)));
        return system;
    }

    /// <summary>The agent's Akka configuration: its own settings over the product's <c>akka</c> section over the agent defaults.</summary>
    public static Config BuildConfig(AgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var lines = new List<string>
        {
            "akka.actor.provider = cluster",
            "akka.cluster.roles = [agent]",
            $"akka.remote.dot-netty.tcp.hostname = {Quote(options.ListenHost)}",
            $"akka.remote.dot-netty.tcp.port = {options.ListenPort.ToString(CultureInfo.InvariantCulture)}",
            "akka.cluster.seed-nodes = []", // joined explicitly (JoinSeedNodes) so the product's hub default does not apply
            "akka.coordinated-shutdown.exit-clr = off",
            "akka.coordinated-shutdown.run-by-clr-shutdown-hook = off",
            "akka.coordinated-shutdown.terminate-actor-system = on",
            "akka.cluster.run-coordinated-shutdown-when-down = on",
        };
        if (options.PublicHostname is { Length: > 0 } pub) lines.Add($"akka.remote.dot-netty.tcp.public-hostname = {Quote(pub)}");
        return ConfigurationFactory.ParseString(string.Join('\n', lines))
            .WithFallback(options.Akka ?? Config.Empty)
            .WithFallback(ConfigurationFactory.ParseString(LemegetonSerialization.Hocon))
            .WithFallback(ConfigurationFactory.ParseString(AgentDefaults));
    }

    /// <summary>What an agent needs when no product configuration is given (tests, a bare host): the product's defaults for agents.</summary>
    public const string AgentDefaults = """
        akka.loglevel = WARNING
        akka.remote.dot-netty.tcp.maximum-frame-size = 4MiB
        akka.cluster.seed-node-timeout = 2s
        akka.cluster.retry-unsuccessful-join-after = 2s
        akka.cluster.downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
        akka.cluster.split-brain-resolver.active-strategy = keep-oldest
        akka.cluster.split-brain-resolver.stable-after = 1s
        akka.cluster.split-brain-resolver.keep-oldest.down-if-alone = off
        akka.cluster.split-brain-resolver.keep-oldest.role = hub
        akka.cluster.singleton-proxy.singleton-identification-interval = 500ms
        """;

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    public async ValueTask DisposeAsync()
    {
        if (_system is { } system)
        {
            await system.Terminate().ConfigureAwait(false);
            _system = null;
        }
        foreach (var s in _sockets) await s.DisposeAsync().ConfigureAwait(false);
        foreach (var slot in _slots)
        {
            if (slot.Current is { } job) { job.Stop(); try { await job.Run.ConfigureAwait(false); } catch (OperationCanceledException) { } }
            await slot.Workspace.RemoveAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Actor system #{Incarnation} at {Address} joining the hub at {Hub} with agents {Agents}")]
    private static partial void LogStarted(ILogger logger, int incarnation, string address, string hub, string agents);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Actor system #{Incarnation} ended (the hub restarted or this node was downed); joining again in {Delay} s")]
    private static partial void LogRejoining(ILogger logger, int incarnation, double delay);

    [LoggerMessage(EventId = 22, Level = LogLevel.Error, Message = "Agent stopped: {Error}")]
    private static partial void LogStoppedWithError(ILogger logger, string error);
}
