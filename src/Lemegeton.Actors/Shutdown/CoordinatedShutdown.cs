using System.Collections.Concurrent;

namespace Lemegeton.Actors;

/// <summary>
/// Ordered shutdown in named phases (Akka.NET's phase names and order). Tasks of one phase run
/// concurrently; a phase starts when the previous one finished or its timeout elapsed (then it is
/// logged and shutdown continues). The last phase, <c>actor-system-terminate</c>, stops all actors.
/// <see cref="Run"/> is idempotent: later calls return the first run's task.
/// </summary>
public sealed class CoordinatedShutdown
{
    /// <summary>Phase names, in execution order.</summary>
    public const string PhaseBeforeServiceUnbind = "before-service-unbind";
    /// <summary>Stop accepting new connections.</summary>
    public const string PhaseServiceUnbind = "service-unbind";
    /// <summary>Wait for in-flight requests.</summary>
    public const string PhaseServiceRequestsDone = "service-requests-done";
    /// <summary>Final clean-up of services.</summary>
    public const string PhaseServiceStop = "service-stop";
    /// <summary>Before leaving a cluster (kept for Akka parity; the hub uses it for agent hand-off).</summary>
    public const string PhaseBeforeClusterShutdown = "before-cluster-shutdown";
    /// <summary>Akka parity.</summary>
    public const string PhaseClusterShardingShutdownRegion = "cluster-sharding-shutdown-region";
    /// <summary>Akka parity.</summary>
    public const string PhaseClusterLeave = "cluster-leave";
    /// <summary>Akka parity.</summary>
    public const string PhaseClusterExiting = "cluster-exiting";
    /// <summary>Akka parity.</summary>
    public const string PhaseClusterExitingDone = "cluster-exiting-done";
    /// <summary>Akka parity.</summary>
    public const string PhaseClusterShutdown = "cluster-shutdown";
    /// <summary>Last chance before actors stop (flush journals here).</summary>
    public const string PhaseBeforeActorSystemTerminate = "before-actor-system-terminate";
    /// <summary>Stops all actors; completes when the system has terminated.</summary>
    public const string PhaseActorSystemTerminate = "actor-system-terminate";

    /// <summary>All phases in order.</summary>
    public static readonly IReadOnlyList<string> Phases =
    [
        PhaseBeforeServiceUnbind, PhaseServiceUnbind, PhaseServiceRequestsDone, PhaseServiceStop,
        PhaseBeforeClusterShutdown, PhaseClusterShardingShutdownRegion, PhaseClusterLeave, PhaseClusterExiting,
        PhaseClusterExitingDone, PhaseClusterShutdown, PhaseBeforeActorSystemTerminate, PhaseActorSystemTerminate,
    ];

    private readonly ActorSystem _system;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(string Name, Func<Task<Done>> Task)>> _tasks = new(StringComparer.Ordinal);
    private Task<Done>? _run;
    private Reason? _reason;

    internal CoordinatedShutdown(ActorSystem system) => _system = system;

    /// <summary>The coordinated shutdown of <paramref name="system"/> (created on first use).</summary>
    public static CoordinatedShutdown Get(ActorSystem system) => system.GetOrCreateCoordinatedShutdown();

    /// <summary>Why shutdown ran; null before it started.</summary>
    public Reason? ShutdownReason => Volatile.Read(ref _reason);

    /// <summary>Adds a task to a phase. Tasks added after the phase started are not run.</summary>
    public void AddTask(string phase, string taskName, Func<Task<Done>> task)
    {
        if (!Phases.Contains(phase)) throw new ArgumentException($"Unknown coordinated-shutdown phase '{phase}'; use one of: {string.Join(", ", Phases)}", nameof(phase));
        ArgumentException.ThrowIfNullOrEmpty(taskName);
        ArgumentNullException.ThrowIfNull(task);
        _tasks.GetOrAdd(phase, _ => new ConcurrentQueue<(string, Func<Task<Done>>)>()).Enqueue((taskName, task));
    }

    /// <summary>The timeout of a phase: the per-phase override or the default.</summary>
    public TimeSpan Timeout(string phase) =>
        _system.Settings.ShutdownPhaseTimeouts.TryGetValue(phase, out var t) ? t : _system.Settings.ShutdownPhaseTimeout;

    /// <summary>Runs all phases from the first (once); completes after the actor system terminated.</summary>
    public Task<Done> Run(Reason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (Interlocked.CompareExchange(ref _reason, reason, null) is not null) return WaitForRun();
        var run = Task.Run(() => RunPhases(reason));
        Volatile.Write(ref _run, run);
        return run;
    }

    private async Task<Done> WaitForRun()
    {
        Task<Done>? run;
        while ((run = Volatile.Read(ref _run)) is null) await Task.Yield();
        return await run.ConfigureAwait(false);
    }

    private async Task<Done> RunPhases(Reason reason)
    {
        KernelLog.ShutdownStarted(_system.Log, reason.ToString() ?? reason.GetType().Name);
        foreach (var phase in Phases)
        {
            var tasks = new List<Task>();
            if (_tasks.TryGetValue(phase, out var queue))
                foreach (var (name, task) in queue) tasks.Add(RunTask(phase, name, task));
            if (phase == PhaseActorSystemTerminate) tasks.Add(_system.FinalTerminate());
            if (tasks.Count == 0) continue;

            var timeout = Timeout(phase);
            var all = Task.WhenAll(tasks);
            try
            {
                await all.WaitAsync(timeout, _system.TimeProvider).ConfigureAwait(false);
                KernelLog.ShutdownPhaseDone(_system.Log, phase);
            }
            catch (TimeoutException)
            {
                KernelLog.ShutdownPhaseTimedOut(_system.Log, phase, timeout);
            }
        }
        return Done.Instance;
    }

    private async Task RunTask(string phase, string name, Func<Task<Done>> task)
    {
        try { await task().ConfigureAwait(false); }
        catch (Exception e) { KernelLog.ShutdownTaskFailed(_system.Log, e, name, phase); }
    }

    /// <summary>Why coordinated shutdown runs.</summary>
    public abstract class Reason;

    /// <summary>Unspecified reason.</summary>
    public sealed class UnknownReason : Reason
    {
        /// <summary>The single instance.</summary>
        public static readonly UnknownReason Instance = new();
        private UnknownReason() { }
        /// <inheritdoc />
        public override string ToString() => "UnknownReason";
    }

    /// <summary><see cref="ActorSystem.Terminate"/> was called.</summary>
    public sealed class ActorSystemTerminateReason : Reason
    {
        /// <summary>The single instance.</summary>
        public static readonly ActorSystemTerminateReason Instance = new();
        private ActorSystemTerminateReason() { }
        /// <inheritdoc />
        public override string ToString() => "ActorSystemTerminateReason";
    }

    /// <summary>The process received SIGTERM / Ctrl-C / ProcessExit.</summary>
    public sealed class ClrExitReason : Reason
    {
        /// <summary>The single instance.</summary>
        public static readonly ClrExitReason Instance = new();
        private ClrExitReason() { }
        /// <inheritdoc />
        public override string ToString() => "ClrExitReason";
    }
}
