namespace Lemegeton.Actors;

/// <summary>
/// Kernel-internal control messages. They travel on a separate lock-free list and are always
/// processed before user messages, also while the actor is suspended.
/// </summary>
internal abstract class SystemMessage
{
    public SystemMessage? Next;
}

internal sealed class Create : SystemMessage;

internal sealed class Terminate : SystemMessage;

internal sealed class Suspend : SystemMessage;

internal sealed class Resume(Exception? causedByFailure) : SystemMessage
{
    public readonly Exception? CausedByFailure = causedByFailure;
}

internal sealed class Recreate(Exception cause) : SystemMessage
{
    public readonly Exception Cause = cause;
}

internal sealed class Failed(ActorCell child, Exception cause) : SystemMessage
{
    public readonly ActorCell Child = child;
    public readonly Exception Cause = cause;
}

internal sealed class Watch(InternalActorRef watchee, InternalActorRef watcher) : SystemMessage
{
    public readonly InternalActorRef Watchee = watchee;
    public readonly InternalActorRef Watcher = watcher;
}

internal sealed class Unwatch(InternalActorRef watchee, InternalActorRef watcher) : SystemMessage
{
    public readonly InternalActorRef Watchee = watchee;
    public readonly InternalActorRef Watcher = watcher;
}

internal sealed class DeathWatchNotification(InternalActorRef actor, bool existenceConfirmed) : SystemMessage
{
    public readonly InternalActorRef Actor = actor;
    public readonly bool ExistenceConfirmed = existenceConfirmed;
}

/// <summary>A continuation of a <c>ReceiveAsync</c> handler, run inside the actor like Akka.NET's ActorTaskScheduler.</summary>
internal sealed class RunContinuation(SendOrPostCallback callback, object? state) : SystemMessage
{
    public readonly SendOrPostCallback Callback = callback;
    public readonly object? State = state;
}

/// <summary>The task of a <c>ReceiveAsync</c> handler finished; the mailbox may continue.</summary>
internal sealed class AsyncHandlerCompleted(Task task) : SystemMessage
{
    public readonly Task Task = task;
}
