using Microsoft.Extensions.Logging;

namespace Lemegeton.Actors;

/// <summary>The kernel's log events (source-generated, structured).</summary>
internal static partial class KernelLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "Actor {Path} failed; supervisor directive {Directive}")]
    public static partial void ChildFailed(ILogger logger, Exception cause, ActorPath path, Directive directive);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Actor {Path} failed and was resumed")]
    public static partial void ChildResumed(ILogger logger, Exception cause, ActorPath path);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Critical, Message = "Failure of {Path} escalated to guardian {Guardian}; applying policy {Policy}")]
    public static partial void EscalatedToGuardian(ILogger logger, Exception cause, ActorPath path, ActorPath guardian, GuardianEscalationPolicy policy);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Error, Message = "{Hook} of {Path} threw; continuing")]
    public static partial void HookFailed(ILogger logger, Exception cause, string hook, ActorPath path);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Actor {Path} failed while stopping; ignored")]
    public static partial void FailureWhileStopping(ILogger logger, Exception cause, ActorPath path);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Actor {Path} failed again while its supervisor decides on an earlier failure; ignored")]
    public static partial void FailureWhileFailed(ILogger logger, Exception cause, ActorPath path);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Critical, Message = "Internal fault in the actor kernel while running {Path}")]
    public static partial void KernelFault(ILogger logger, Exception cause, ActorPath path);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Information, Message = "Dead letter: {MessageType} from {Sender} to {Recipient} was not delivered ({Count} so far)")]
    public static partial void DeadLetter(ILogger logger, string messageType, ActorPath? sender, ActorPath recipient, long count);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Information, Message = "Dead-letter logging suspended after {Limit} messages for {Duration}; they are still counted and published")]
    public static partial void DeadLettersSuppressed(ILogger logger, int limit, TimeSpan duration);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "Unhandled message {MessageType} in {Path} from {Sender}")]
    public static partial void Unhandled(ILogger logger, string messageType, ActorPath path, ActorPath? sender);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "Coordinated shutdown started: {Reason}")]
    public static partial void ShutdownStarted(ILogger logger, string reason);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Warning, Message = "Coordinated shutdown phase {Phase} timed out after {Timeout}; continuing with the next phase")]
    public static partial void ShutdownPhaseTimedOut(ILogger logger, string phase, TimeSpan timeout);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Error, Message = "Coordinated shutdown task {Task} of phase {Phase} failed")]
    public static partial void ShutdownTaskFailed(ILogger logger, Exception cause, string task, string phase);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Debug, Message = "Coordinated shutdown phase {Phase} done")]
    public static partial void ShutdownPhaseDone(ILogger logger, string phase);

    [LoggerMessage(EventId = 4015, Level = LogLevel.Warning, Message = "FSM {Path} in state {State} did not handle {MessageType}")]
    public static partial void FsmUnhandled(ILogger logger, ActorPath path, string state, string messageType);

    [LoggerMessage(EventId = 4016, Level = LogLevel.Information, Message = "Backoff supervisor {Path} restarts its child in {Delay} (restart {Count})")]
    public static partial void BackoffRestart(ILogger logger, ActorPath path, TimeSpan delay, int count);
}
