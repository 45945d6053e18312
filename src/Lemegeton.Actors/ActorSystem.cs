using Microsoft.Extensions.Logging;

namespace Lemegeton.Actors;

/// <summary>
/// A tree of actors under a root with two guardians: <c>/user</c> for application actors (supervised
/// by <see cref="ActorSystemSettings.GuardianSupervisorStrategy"/>) and <c>/system</c> for kernel
/// actors. Terminating stops <c>/user</c> (depth first), then <c>/system</c>, then the root.
/// </summary>
public sealed class ActorSystem : IAsyncDisposable
{
    private readonly ActorCell _root;
    private readonly ActorCell _userGuardian;
    private readonly ActorCell _systemGuardian;
    private readonly TaskCompletionSource _whenTerminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorPath _tempPath;
    private CoordinatedShutdown? _coordinatedShutdown;
    private long _deadLetterCount;
    private long _tempCounter;
    private int _deadLettersLogged;
    private long _deadLetterLogResumeAt;
    private int _finalTerminateStarted;

    private ActorSystem(string name, ActorSystemSettings settings)
    {
        Name = name;
        Settings = settings;
        Log = settings.LoggerFactory.CreateLogger("Lemegeton.Actors.ActorSystem");
        EventStream = new EventStream();
        var rootPath = ActorPath.CreateRoot(name);
        _tempPath = rootPath.Child("temp");
        DeadLetters = new DeadLetterActorRef(this, rootPath.Child("deadLetters"));
        _root = new ActorCell(this, Props.Create<GuardianActor>(), null, rootPath);
        _root.SendSystemMessage(new Create());
        _userGuardian = (ActorCell)_root.ActorOf(Props.Create<GuardianActor>().WithSupervisorStrategy(settings.GuardianSupervisorStrategy), "user");
        _systemGuardian = (ActorCell)_root.ActorOf(Props.Create<GuardianActor>(), "system");
    }

    /// <summary>Creates and starts an actor system.</summary>
    /// <param name="name">Used in paths; letters, digits, '-' and '_'.</param>
    /// <param name="settings">Settings; null for the defaults.</param>
    public static ActorSystem Create(string name, ActorSystemSettings? settings = null)
    {
        if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException($"Actor system name '{name}' is invalid: use letters, digits, '-' and '_'", nameof(name));
        settings ??= new ActorSystemSettings();
        if (settings.Throughput < 1)
            throw new ArgumentException($"ActorSystemSettings.Throughput is {settings.Throughput}; it must be at least 1 (default 30)", nameof(settings));
        return new ActorSystem(name, settings);
    }

    /// <summary>The system's name.</summary>
    public string Name { get; }

    /// <summary>The settings it was created with.</summary>
    public ActorSystemSettings Settings { get; }

    /// <summary>The clock of all timers and timeouts.</summary>
    public TimeProvider TimeProvider => Settings.TimeProvider;

    /// <summary>The logger factory actors log through.</summary>
    public ILoggerFactory LoggerFactory => Settings.LoggerFactory;

    /// <summary>The kernel's own logger.</summary>
    public ILogger Log { get; }

    /// <summary>Publish/subscribe by message type; also carries <see cref="DeadLetter"/> and <see cref="UnhandledMessage"/>.</summary>
    public EventStream EventStream { get; }

    /// <summary>Where undeliverable messages go; what <c>Sender</c> is when there is no sender.</summary>
    public IActorRef DeadLetters { get; }

    /// <summary>Number of dead letters since start.</summary>
    public long DeadLetterCount => Interlocked.Read(ref _deadLetterCount);

    /// <summary>Completes when the system has terminated.</summary>
    public Task WhenTerminated => _whenTerminated.Task;

    /// <summary>Creates a top-level actor under <c>/user</c>.</summary>
    public IActorRef ActorOf(Props props, string? name = null) => _userGuardian.ActorOf(props, name);

    /// <summary>Creates a kernel-level actor under <c>/system</c>.</summary>
    public IActorRef SystemActorOf(Props props, string? name = null) => _systemGuardian.ActorOf(props, name);

    /// <summary>Stops an actor asynchronously (like <c>Context.Stop</c>).</summary>
    public void Stop(IActorRef actor)
    {
        if (actor.Unwrap() is InternalActorRef r) r.SendSystemMessage(new Terminate());
    }

    /// <summary>
    /// Terminates the system: runs <see cref="CoordinatedShutdown"/> if it is in use (and
    /// <see cref="ActorSystemSettings.RunCoordinatedShutdownOnTerminate"/>), then stops all actors.
    /// </summary>
    public Task Terminate()
    {
        if (Settings.RunCoordinatedShutdownOnTerminate && Volatile.Read(ref _coordinatedShutdown) is { } cs)
        {
            _ = cs.Run(CoordinatedShutdown.ActorSystemTerminateReason.Instance);
            return WhenTerminated;
        }
        return FinalTerminate();
    }

    internal Task FinalTerminate()
    {
        if (Interlocked.Exchange(ref _finalTerminateStarted, 1) == 0) _userGuardian.SendSystemMessage(new Terminate());
        return WhenTerminated;
    }

    /// <summary>Terminates the system and waits for it.</summary>
    public async ValueTask DisposeAsync() => await Terminate().ConfigureAwait(false);

    /// <summary>A snapshot of the actor tree from the root, for the operator's <c>lemegeton actors</c>.</summary>
    public ActorTreeNode GetActorTree() => ActorTreeNode.From(_root);

    internal CoordinatedShutdown GetOrCreateCoordinatedShutdown()
    {
        if (Volatile.Read(ref _coordinatedShutdown) is { } existing) return existing;
        Interlocked.CompareExchange(ref _coordinatedShutdown, new CoordinatedShutdown(this), null);
        return _coordinatedShutdown;
    }

    internal ActorPath NextTempPath() => _tempPath.Child("$" + Interlocked.Increment(ref _tempCounter).ToString(System.Globalization.CultureInfo.InvariantCulture));

    internal void GuardianTerminated(ActorCell guardian)
    {
        if (ReferenceEquals(guardian, _userGuardian)) _systemGuardian.SendSystemMessage(new Terminate());
        else if (ReferenceEquals(guardian, _systemGuardian)) _root.SendSystemMessage(new Terminate());
    }

    internal void RootTerminated() => _whenTerminated.TrySetResult();

    internal void PublishDeadLetter(object message, IActorRef? sender, IActorRef recipient)
    {
        // Ticks of timers and receive timeouts that fire after a stop are expected, not lost messages.
        if (message is TimerMessage or ReceiveTimeoutTick) return;
        if (message is DeadLetter) return;
        var count = Interlocked.Increment(ref _deadLetterCount);
        LogDeadLetter(message, sender, recipient, count);
        EventStream.Publish(new DeadLetter(message, sender, recipient));
    }

    private void LogDeadLetter(object message, IActorRef? sender, IActorRef recipient, long count)
    {
        var limit = Settings.LogDeadLetters;
        if (limit <= 0 || !Log.IsEnabled(LogLevel.Information)) return;
        var resumeAt = Interlocked.Read(ref _deadLetterLogResumeAt);
        if (resumeAt != 0)
        {
            if (TimeProvider.GetTimestamp() < resumeAt) return;
            Interlocked.Exchange(ref _deadLettersLogged, 0);
            Interlocked.Exchange(ref _deadLetterLogResumeAt, 0);
        }
        var logged = Interlocked.Increment(ref _deadLettersLogged);
        if (logged <= limit) KernelLog.DeadLetter(Log, message.GetType().Name, sender?.Path, recipient.Path, count);
        if (logged == limit)
        {
            var duration = Settings.LogDeadLettersSuspendDuration;
            Interlocked.Exchange(ref _deadLetterLogResumeAt, TimeProvider.GetTimestamp() + (long)(duration.TotalSeconds * TimeProvider.TimestampFrequency));
            KernelLog.DeadLettersSuppressed(Log, limit, duration);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"ActorSystem({Name})";

    /// <summary>The guardians run no logic of their own; supervision is done by their cells.</summary>
    private sealed class GuardianActor : ActorBase
    {
        protected internal override bool Receive(object message) => false;
    }
}
