namespace Lemegeton.Actors;

/// <summary>Request/response and stop patterns: <c>Ask</c>, <c>GracefulStop</c>, <c>Forward</c>, implicit-sender <c>Tell</c>.</summary>
public static class Futures
{
    /// <summary>
    /// Sends <paramref name="message"/> with a temporary sender and returns the first reply. A
    /// <see cref="Status.Failure"/> reply faults the task with its cause; no reply within the
    /// timeout faults it with <see cref="AskTimeoutException"/>; a reply of another type with
    /// <see cref="InvalidCastException"/>.
    /// </summary>
    /// <param name="recipient">The actor asked.</param>
    /// <param name="message">The request.</param>
    /// <param name="timeout">Null uses <see cref="ActorSystemSettings.AskTimeout"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public static async Task<T> Ask<T>(this IActorRef recipient, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var reply = await AskCore(recipient, _ => message, timeout, cancellationToken).ConfigureAwait(false);
        return reply switch
        {
            Status.Failure f => throw f.Cause,
            T t => t,
            _ => throw new InvalidCastException($"Ask of {recipient.Path} expected a reply of type {typeof(T).Name} but got {reply.GetType().Name}"),
        };
    }

    /// <summary>Like <see cref="Ask{T}(IActorRef, object, TimeSpan?, CancellationToken)"/> with an untyped reply.</summary>
    public static Task<object> Ask(this IActorRef recipient, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        recipient.Ask<object>(message, timeout, cancellationToken);

    /// <summary>Asks with a message that carries the reply-to reference, built by <paramref name="messageFactory"/>.</summary>
    public static async Task<T> Ask<T>(this IActorRef recipient, Func<IActorRef, object> messageFactory, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var reply = await AskCore(recipient, messageFactory, timeout, cancellationToken).ConfigureAwait(false);
        return reply switch
        {
            Status.Failure f => throw f.Cause,
            T t => t,
            _ => throw new InvalidCastException($"Ask of {recipient.Path} expected a reply of type {typeof(T).Name} but got {reply.GetType().Name}"),
        };
    }

    private static Task<object> AskCore(IActorRef recipient, Func<IActorRef, object> messageFactory, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var system = SystemOf(recipient);
        var t = timeout ?? system.Settings.AskTimeout;
        var promise = new PromiseActorRef(system, t, $"Ask of {recipient.Path} timed out after {t}", cancellationToken);
        recipient.Tell(messageFactory(promise), promise);
        return promise.Task;
    }

    /// <summary>
    /// Sends <paramref name="stopMessage"/> (default <see cref="PoisonPill"/>) and completes with
    /// true when the actor has stopped, or false if it has not within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout, object? stopMessage = null)
    {
        if (target.Unwrap() is not InternalActorRef internalTarget) return true;
        if (internalTarget.IsTerminated) return true;
        var system = SystemOf(target);
        var promise = new PromiseActorRef(system, timeout, $"{target.Path} did not stop within {timeout}", CancellationToken.None);
        internalTarget.SendSystemMessage(new Watch(internalTarget, promise));
        target.Tell(stopMessage ?? PoisonPill.Instance, null);
        try
        {
            return await promise.Task.ConfigureAwait(false) is Terminated;
        }
        catch (AskTimeoutException)
        {
            internalTarget.SendSystemMessage(new Unwatch(internalTarget, promise));
            return false;
        }
    }

    /// <summary>Sends a message on behalf of the current message's sender (inside an actor).</summary>
    public static void Forward(this IActorRef recipient, object message) =>
        recipient.Tell(message, ActorCell.Current?.Sender);

    /// <summary>Tells with the running actor as sender (none outside actors), like Akka.NET's implicit sender.</summary>
    public static void Tell(this IActorRef recipient, object message) =>
        recipient.Tell(message, ActorCell.Current);

    private static ActorSystem SystemOf(IActorRef actor) => actor.Unwrap() switch
    {
        ActorCell cell => cell.System,
        _ => ActorCell.Current?.System ?? throw new ArgumentException($"{actor.Path} is not a reference of a running actor system; ask an actor reference"),
    };
}
