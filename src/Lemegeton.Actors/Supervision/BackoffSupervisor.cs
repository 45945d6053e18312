namespace Lemegeton.Actors;

/// <summary>Builds <see cref="BackoffOptions"/> (Akka.NET's <c>Backoff.OnStop</c> / <c>Backoff.OnFailure</c>).</summary>
public static class Backoff
{
    /// <summary>Re-creates the child with growing delays whenever it stops (e.g. a connection actor that stops on disconnect).</summary>
    public static BackoffOptions OnStop(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, int maxNrOfRetries = -1) =>
        new(childProps, childName, minBackoff, maxBackoff, randomFactor, maxNrOfRetries, OnFailure: false, ResetBackoffAfter: minBackoff);

    /// <summary>Re-creates the child with growing delays whenever it fails (instead of restarting it at once).</summary>
    public static BackoffOptions OnFailure(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, int maxNrOfRetries = -1) =>
        new(childProps, childName, minBackoff, maxBackoff, randomFactor, maxNrOfRetries, OnFailure: true, ResetBackoffAfter: minBackoff);
}

/// <summary>Settings of a <see cref="BackoffSupervisor"/>.</summary>
/// <param name="ChildProps">The supervised child.</param>
/// <param name="ChildName">Its name.</param>
/// <param name="MinBackoff">First delay; doubles per consecutive restart.</param>
/// <param name="MaxBackoff">Upper bound of the delay (before the random factor).</param>
/// <param name="RandomFactor">Adds up to this fraction of random extra delay, so many supervisors do not restart in lock step (e.g. 0.2).</param>
/// <param name="MaxNrOfRetries">Restarts before the supervisor gives up and stops; negative = unlimited.</param>
/// <param name="OnFailure">True: back off on failures; false: on stops.</param>
/// <param name="ResetBackoffAfter">A child that runs this long without stopping/failing resets the delay to <paramref name="MinBackoff"/>.</param>
public sealed record BackoffOptions(
    Props ChildProps,
    string ChildName,
    TimeSpan MinBackoff,
    TimeSpan MaxBackoff,
    double RandomFactor,
    int MaxNrOfRetries,
    bool OnFailure,
    TimeSpan ResetBackoffAfter)
{
    /// <summary>Resets the delay after the child has been stable for <paramref name="resetBackoff"/>.</summary>
    public BackoffOptions WithAutoReset(TimeSpan resetBackoff) => this with { ResetBackoffAfter = resetBackoff };
}

/// <summary>
/// Supervises one child and re-creates it after an exponentially growing, randomised delay
/// (min·2ⁿ capped at max, times 1 + random·factor). Messages sent to the supervisor are forwarded
/// to the child while it lives (to dead letters otherwise).
/// </summary>
public sealed class BackoffSupervisor : ActorBase, IWithTimers
{
    /// <summary>Ask the supervisor for its child: replies <see cref="CurrentChild"/>.</summary>
    public sealed class GetCurrentChild
    {
        /// <summary>The single instance.</summary>
        public static readonly GetCurrentChild Instance = new();
        private GetCurrentChild() { }
    }

    /// <summary>Reply to <see cref="GetCurrentChild"/>; <c>Ref</c> is null while the child is down.</summary>
    public sealed record CurrentChild(IActorRef? Ref);

    /// <summary>Ask the supervisor for its restart count: replies <see cref="RestartCount"/>.</summary>
    public sealed class GetRestartCount
    {
        /// <summary>The single instance.</summary>
        public static readonly GetRestartCount Instance = new();
        private GetRestartCount() { }
    }

    /// <summary>Reply to <see cref="GetRestartCount"/>.</summary>
    public sealed record RestartCount(int Count);

    /// <summary>Resets the delay to the minimum.</summary>
    public sealed class Reset
    {
        /// <summary>The single instance.</summary>
        public static readonly Reset Instance = new();
        private Reset() { }
    }

    private sealed class StartChild;

    private sealed record ResetRestartCount(int Current);

    private static readonly object StartChildKey = new();
    private static readonly object ResetKey = new();
    private readonly BackoffOptions _options;
    private IActorRef? _child;
    private int _restartCount;

    private BackoffSupervisor(BackoffOptions options) => _options = options;

    /// <summary>Props for a supervisor with these options.</summary>
    public static Props Props(BackoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MinBackoff <= TimeSpan.Zero) throw new ArgumentException("MinBackoff must be positive", nameof(options));
        if (options.MaxBackoff < options.MinBackoff) throw new ArgumentException("MaxBackoff must be at least MinBackoff", nameof(options));
        if (options.RandomFactor is < 0 or > 1) throw new ArgumentException("RandomFactor must be between 0 and 1", nameof(options));
        return Actors.Props.Create(() => new BackoffSupervisor(options));
    }

    /// <summary>Set by the kernel.</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The delay before restart number <paramref name="restartCount"/> (0-based).</summary>
    public static TimeSpan CalculateDelay(int restartCount, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor)
    {
        var rnd = 1.0 + Random.Shared.NextDouble() * randomFactor;
        if (restartCount >= 30) return maxBackoff;
        var ticks = Math.Min(maxBackoff.Ticks, minBackoff.Ticks * Math.Pow(2, restartCount)) * rnd;
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <inheritdoc />
    protected override SupervisorStrategy SupervisorStrategy() =>
        _options.OnFailure
            ? new OneForOneStrategy(-1, null, cause => Actors.SupervisorStrategy.DefaultDecider(cause) == Directive.Restart ? Directive.Stop : Actors.SupervisorStrategy.DefaultDecider(cause))
            : Actors.SupervisorStrategy.DefaultStrategy;

    /// <inheritdoc />
    protected override void PreStart() => StartChildNow();

    /// <inheritdoc />
    protected internal override bool Receive(object message)
    {
        switch (message)
        {
            case Terminated t when ReferenceEquals(t.ActorRef, _child):
                _child = null;
                Timers.Cancel(ResetKey);
                if (_options.MaxNrOfRetries >= 0 && _restartCount >= _options.MaxNrOfRetries)
                {
                    Context.Stop(Self);
                    return true;
                }
                var delay = CalculateDelay(_restartCount, _options.MinBackoff, _options.MaxBackoff, _options.RandomFactor);
                _restartCount++;
                KernelLog.BackoffRestart(Context.System.Log, Self.Path, delay, _restartCount);
                Timers.StartSingleTimer(StartChildKey, new StartChild(), delay);
                return true;
            case StartChild:
                StartChildNow();
                return true;
            case ResetRestartCount r:
                if (r.Current == _restartCount) _restartCount = 0;
                return true;
            case Reset:
                _restartCount = 0;
                return true;
            case GetCurrentChild:
                Sender.Tell(new CurrentChild(_child), Self);
                return true;
            case GetRestartCount:
                Sender.Tell(new RestartCount(_restartCount), Self);
                return true;
            default:
                if (_child is not null) _child.Tell(message, Sender);
                else Context.System.DeadLetters.Tell(new DeadLetter(message, Sender, Self), Sender);
                return true;
        }
    }

    private void StartChildNow()
    {
        if (_child is not null) return;
        _child = Context.Watch(Context.ActorOf(_options.ChildProps, _options.ChildName));
        if (_restartCount > 0) Timers.StartSingleTimer(ResetKey, new ResetRestartCount(_restartCount), _options.ResetBackoffAfter);
    }
}
