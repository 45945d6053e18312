namespace Lemegeton.Actors;

/// <summary>Sends the outcome of a task to an actor as a message (the actor-safe way to use async results).</summary>
public static class PipeToSupport
{
    /// <summary>
    /// When <paramref name="task"/> completes, tells <paramref name="recipient"/> its result (mapped by
    /// <paramref name="success"/>) or a <see cref="Status.Failure"/> (mapped by <paramref name="failure"/>).
    /// </summary>
    public static Task PipeTo<T>(this Task<T> task, ICanTell recipient, IActorRef? sender = null,
        Func<T, object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        return task.ContinueWith(t =>
        {
            if (t.IsCompletedSuccessfully)
            {
                object? result = success is not null ? success(t.Result) : t.Result;
                if (result is not null) recipient.Tell(result, sender);
            }
            else
            {
                var cause = Unwrap(t);
                recipient.Tell(failure is not null ? failure(cause) : new Status.Failure(cause), sender);
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>When <paramref name="task"/> completes, tells <paramref name="recipient"/> <paramref name="success"/>'s message (default <see cref="Status.Success"/>) or a failure.</summary>
    public static Task PipeTo(this Task task, ICanTell recipient, IActorRef? sender = null,
        Func<object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        return task.ContinueWith(t =>
        {
            if (t.IsCompletedSuccessfully) recipient.Tell(success is not null ? success() : new Status.Success(null), sender);
            else
            {
                var cause = Unwrap(t);
                recipient.Tell(failure is not null ? failure(cause) : new Status.Failure(cause), sender);
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private static Exception Unwrap(Task t) =>
        t.Exception is { InnerExceptions.Count: 1 } agg ? agg.InnerException! : (Exception?)t.Exception ?? new TaskCanceledException(t);
}
