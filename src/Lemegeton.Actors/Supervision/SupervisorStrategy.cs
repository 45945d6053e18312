namespace Lemegeton.Actors;

/// <summary>Maps an exception thrown by a child to a <see cref="Directive"/>.</summary>
public delegate Directive Decider(Exception cause);

/// <summary>
/// How a parent handles its children's failures: a <see cref="Decider"/> plus a retry budget
/// (at most <see cref="MaxNumberOfRetries"/> restarts within <see cref="WithinTimeRange"/>, after
/// which the child is stopped). See <see cref="OneForOneStrategy"/> and <see cref="AllForOneStrategy"/>.
/// </summary>
public abstract class SupervisorStrategy
{
    /// <summary>Creates a strategy.</summary>
    protected SupervisorStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Decider decider, bool loggingEnabled)
    {
        MaxNumberOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
        Decider = decider ?? throw new ArgumentNullException(nameof(decider));
        LoggingEnabled = loggingEnabled;
    }

    /// <summary>Akka's default decider: stop on initialization, kill and death-pact failures, restart on anything else.</summary>
    public static readonly Decider DefaultDecider = static cause => cause switch
    {
        ActorInitializationException => Directive.Stop,
        ActorKilledException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>Akka's default strategy: one-for-one, <see cref="DefaultDecider"/>, unlimited restarts.</summary>
    public static readonly SupervisorStrategy DefaultStrategy = new OneForOneStrategy(-1, null, DefaultDecider);

    /// <summary>One-for-one, always stop: for children that must not come back by themselves.</summary>
    public static readonly SupervisorStrategy StoppingStrategy = new OneForOneStrategy(-1, null, static _ => Directive.Stop);

    /// <summary>Maximum restarts per child (within <see cref="WithinTimeRange"/> if set); negative = unlimited, 0 = none.</summary>
    public int MaxNumberOfRetries { get; }

    /// <summary>The window for <see cref="MaxNumberOfRetries"/>; null = no window.</summary>
    public TimeSpan? WithinTimeRange { get; }

    /// <summary>The exception → directive mapping.</summary>
    public Decider Decider { get; }

    /// <summary>Whether failures are logged (Error for restart/stop/escalate, Warning for resume).</summary>
    public bool LoggingEnabled { get; }

    internal Directive Decide(Exception cause) => Decider(cause);

    /// <summary>Applies a restart or stop decision to the failed child (and, for all-for-one, its siblings).</summary>
    internal abstract void ProcessFailure(ActorCell parent, bool restart, ActorCell child, Exception cause);

    internal void LogFailure(ActorSystem system, ActorCell child, Exception cause, Directive directive)
    {
        if (!LoggingEnabled) return;
        if (directive == Directive.Resume) KernelLog.ChildResumed(system.Log, cause, child.Path);
        else KernelLog.ChildFailed(system.Log, cause, child.Path, directive);
    }
}

/// <summary>Applies the directive only to the child that failed (the default).</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed per child within the window; negative = unlimited, 0 = stop at the first failure.</param>
    /// <param name="withinTimeRange">The window; null = no window.</param>
    /// <param name="decider">Exception → directive.</param>
    /// <param name="loggingEnabled">Log failures.</param>
    public OneForOneStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Decider decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled) { }

    /// <summary>Unlimited restarts with the given decider.</summary>
    public OneForOneStrategy(Decider decider) : this(-1, null, decider) { }

    internal override void ProcessFailure(ActorCell parent, bool restart, ActorCell child, Exception cause)
    {
        if (restart && parent.StatsFor(child).RequestRestartPermission(MaxNumberOfRetries, WithinTimeRange, parent.System.TimeProvider))
            parent.RestartChild(child, cause, suspendFirst: false);
        else
            parent.Stop(child);
    }
}

/// <summary>
/// Applies the directive to all children when one fails: for tightly coupled siblings that are only
/// consistent together. A restart needs every child's permission; otherwise all are stopped.
/// </summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed per child within the window; negative = unlimited, 0 = stop at the first failure.</param>
    /// <param name="withinTimeRange">The window; null = no window.</param>
    /// <param name="decider">Exception → directive.</param>
    /// <param name="loggingEnabled">Log failures.</param>
    public AllForOneStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Decider decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled) { }

    /// <summary>Unlimited restarts with the given decider.</summary>
    public AllForOneStrategy(Decider decider) : this(-1, null, decider) { }

    internal override void ProcessFailure(ActorCell parent, bool restart, ActorCell child, Exception cause)
    {
        var children = parent.ChildrenSnapshot();
        if (restart)
        {
            var allowed = true;
            foreach (var c in children)
                allowed &= parent.StatsFor(c).RequestRestartPermission(MaxNumberOfRetries, WithinTimeRange, parent.System.TimeProvider);
            if (allowed)
            {
                foreach (var c in children) parent.RestartChild(c, cause, suspendFirst: !ReferenceEquals(c, child));
                return;
            }
        }
        foreach (var c in children) parent.Stop(c);
    }
}
