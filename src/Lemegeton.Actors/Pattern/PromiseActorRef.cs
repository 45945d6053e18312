namespace Lemegeton.Actors;

/// <summary>
/// A temporary reference under <c>/temp</c> that completes a task with the first message it gets
/// (ask), or when the actor it watches stops (graceful stop). Its timer runs on the system's clock.
/// </summary>
internal sealed class PromiseActorRef : InternalActorRef
{
    private readonly TaskCompletionSource<object> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorSystem _system;
    private readonly ActorPath _path;
    private readonly ITimer? _timer;
    private CancellationTokenRegistration _cancellation;

    public PromiseActorRef(ActorSystem system, TimeSpan timeout, string timeoutMessage, CancellationToken cancellationToken)
    {
        _system = system;
        _path = system.NextTempPath();
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            _timer = system.TimeProvider.CreateTimer(static s =>
            {
                var (self, text) = ((PromiseActorRef, string))s!;
                self.Complete(null, new AskTimeoutException(text));
            }, (this, timeoutMessage), timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout, Timeout.InfiniteTimeSpan);
        }
        if (cancellationToken.CanBeCanceled)
            _cancellation = cancellationToken.Register(static s => ((PromiseActorRef)s!).Complete(null, new TaskCanceledException()), this);
    }

    public Task<object> Task => _promise.Task;

    public override ActorPath Path => _path;

    public override bool IsTerminated => _promise.Task.IsCompleted;

    public override void Tell(object message, IActorRef? sender)
    {
        if (!Complete(message, null)) _system.PublishDeadLetter(message, sender, this);
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is DeathWatchNotification d) Complete(new Terminated(d.Actor, d.ExistenceConfirmed), null);
    }

    private bool Complete(object? result, Exception? error)
    {
        var done = error is null ? _promise.TrySetResult(result!) : _promise.TrySetException(error);
        if (done)
        {
            _timer?.Dispose();
            _cancellation.Dispose();
        }
        return done;
    }
}
