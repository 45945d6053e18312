using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lemegeton.Actors;

/// <summary>Settings of an <see cref="ActorSystem"/>; every default is stated and matches Akka.NET where it has one.</summary>
public sealed record ActorSystemSettings
{
    /// <summary>Messages an actor processes per scheduling before yielding its thread (Akka's dispatcher throughput). Default 30.</summary>
    public int Throughput { get; init; } = 30;

    /// <summary>Clock for timers, receive timeouts, asks, restart windows and shutdown timeouts. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where the kernel and actors log. Default: no logging.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Strategy of the <c>/user</c> guardian for top-level actors. Default <see cref="SupervisorStrategy.DefaultStrategy"/>.</summary>
    public SupervisorStrategy GuardianSupervisorStrategy { get; init; } = SupervisorStrategy.DefaultStrategy;

    /// <summary>What a guardian does when a top-level actor's failure escalates to it. Default <see cref="GuardianEscalationPolicy.StopChild"/>.</summary>
    public GuardianEscalationPolicy GuardianEscalationPolicy { get; init; } = GuardianEscalationPolicy.StopChild;

    /// <summary>Dead letters logged before logging pauses (all are still counted and published). Default 10, like Akka's <c>log-dead-letters</c>.</summary>
    public int LogDeadLetters { get; init; } = 10;

    /// <summary>How long dead-letter logging pauses after the limit. Default 5 minutes.</summary>
    public TimeSpan LogDeadLettersSuspendDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Timeout of an <c>Ask</c> that names none. Default infinite, like Akka's <c>ask-timeout</c>.</summary>
    public TimeSpan AskTimeout { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>Default per-phase timeout of <see cref="CoordinatedShutdown"/>. Default 5 s.</summary>
    public TimeSpan ShutdownPhaseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Per-phase timeout overrides by phase name.</summary>
    public IReadOnlyDictionary<string, TimeSpan> ShutdownPhaseTimeouts { get; init; } = new Dictionary<string, TimeSpan>();

    /// <summary>Whether <see cref="ActorSystem.Terminate"/> runs the coordinated shutdown first. Default true.</summary>
    public bool RunCoordinatedShutdownOnTerminate { get; init; } = true;
}
