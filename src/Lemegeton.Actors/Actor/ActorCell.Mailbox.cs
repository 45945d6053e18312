using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Lemegeton.Actors;

// The mailbox: a lock-free MPMC queue of struct envelopes for user messages (the queue that
// System.Threading.Channels' unbounded channel wraps, created on the first message so idle actors
// stay small), a lock-free stack for system messages, and the cell itself as the thread-pool work
// item that drains them, guarded by an atomic "scheduled" flag.
internal sealed partial class ActorCell : IThreadPoolWorkItem
{
    private ConcurrentQueue<Envelope>? _queue;
    private Queue<Envelope>? _unstashed;
    private SystemMessage? _systemHead;
    private int _scheduled;
    private int _terminated;
    private int _count;
    private readonly int _capacity;
    private readonly int _throughput;

    // Run state, owner thread only.
    private int _suspendCount;
    private bool _terminating;
    private Task? _awaitingTask;
    private ActorSynchronizationContext? _syncContext;

    internal int MailboxDepth => (_queue?.Count ?? 0) + (_unstashed?.Count ?? 0);

    /// <summary>Whether system messages wait to be processed (thread-safe; for tests and introspection).</summary>
    internal bool HasPendingSystemMessages => Volatile.Read(ref _systemHead) is not null;

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Volatile.Read(ref _terminated) != 0)
        {
            _system.PublishDeadLetter(message, sender, this);
            return;
        }
        if (_capacity > 0 && Interlocked.Increment(ref _count) > _capacity)
        {
            Interlocked.Decrement(ref _count);
            if (_props.Mailbox.OverflowPolicy == MailboxOverflowPolicy.Reject) throw new MailboxFullException(this, _capacity);
            _system.PublishDeadLetter(message, sender, this);
            return;
        }
        var queue = _queue ?? CreateQueue();
        queue.Enqueue(new Envelope(message, sender));
        if (Volatile.Read(ref _terminated) != 0)
        {
            DrainUserMessagesToDeadLetters();
            return;
        }
        if (Volatile.Read(ref _scheduled) == 0) Schedule(preferLocal: true);
    }

    private ConcurrentQueue<Envelope> CreateQueue()
    {
        Interlocked.CompareExchange(ref _queue, new ConcurrentQueue<Envelope>(), null);
        return _queue;
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        SystemMessage? head;
        do
        {
            head = Volatile.Read(ref _systemHead);
            message.Next = head;
        }
        while (Interlocked.CompareExchange(ref _systemHead, message, head) != head);

        if (Volatile.Read(ref _terminated) != 0) DrainDeadSystemMessages();
        else Schedule(preferLocal: true);
    }

    private void Schedule(bool preferLocal)
    {
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal);
    }

    private bool CanProcessUserMessages => _suspendCount == 0 && _awaitingTask is null && !_terminating && _actor is not null;

    private bool HasPendingWork()
    {
        if (Volatile.Read(ref _terminated) != 0) return false;
        if (Volatile.Read(ref _systemHead) is not null) return true;
        return CanProcessUserMessages && (_unstashed is { Count: > 0 } || _queue is { IsEmpty: false });
    }

    /// <summary>One run of the mailbox: all system messages, then up to <c>throughput</c> user messages.</summary>
    public void Execute()
    {
        t_current = this;
        try
        {
            ProcessSystemMessages();
            var left = _throughput;
            while (CanProcessUserMessages)
            {
                Envelope envelope;
                if (_unstashed is { Count: > 0 } unstashed)
                {
                    envelope = unstashed.Dequeue();
                }
                else if (_queue is null || !_queue.TryDequeue(out envelope))
                {
                    break;
                }
                else if (_capacity > 0)
                {
                    Interlocked.Decrement(ref _count);
                }
                Invoke(envelope.Message, envelope.Sender);
                if (Volatile.Read(ref _systemHead) is not null) ProcessSystemMessages();
                if (--left == 0) break;
            }
        }
        catch (Exception e)
        {
            // Actor code never reaches here (Invoke catches); this guards the kernel itself.
            KernelLog.KernelFault(_system.Log, e, _path);
        }
        finally
        {
            t_current = null;
        }

        // A full fence, so the emptiness checks below cannot be reordered before the flag clears
        // (the producer side enqueues, then reads the flag).
        Interlocked.Exchange(ref _scheduled, 0);
        if (HasPendingWork()) Schedule(preferLocal: false);
    }

    private void ProcessSystemMessages()
    {
        while (Volatile.Read(ref _systemHead) is not null)
        {
            var message = Reverse(Interlocked.Exchange(ref _systemHead, null));
            while (message is not null)
            {
                var next = message.Next;
                message.Next = null;
                if (Volatile.Read(ref _terminated) != 0) HandleDeadSystemMessage(message);
                else
                {
                    try { HandleSystemMessage(message); }
                    catch (Exception e) { HandleInvokeFailure(e); }
                }
                message = next;
            }
        }
    }

    private static SystemMessage? Reverse(SystemMessage? head)
    {
        SystemMessage? reversed = null;
        while (head is not null)
        {
            var next = head.Next;
            head.Next = reversed;
            reversed = head;
            head = next;
        }
        return reversed;
    }

    private void HandleSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Create: CreateActor(); break;
            case Terminate: BeginTerminate(); break;
            case Suspend: SuspendSelf(); break;
            case Resume r: ResumeSelf(r.CausedByFailure); break;
            case Recreate r: FaultRecreate(r.Cause); break;
            case Failed f: HandleFailed(f.Child, f.Cause); break;
            case Watch w: AddWatcher(w.Watchee, w.Watcher); break;
            case Unwatch u: RemoveWatcher(u.Watchee, u.Watcher); break;
            case DeathWatchNotification d: WatchedActorTerminated(d.Actor, d.ExistenceConfirmed); break;
            case RunContinuation c: RunContinuation(c); break;
            case AsyncHandlerCompleted c: AsyncHandlerCompleted(c.Task); break;
        }
    }

    /// <summary>System messages to an actor that is gone: watches are answered at once, the rest dropped.</summary>
    private void HandleDeadSystemMessage(SystemMessage message)
    {
        if (message is Watch w && !ReferenceEquals(w.Watcher, this))
            w.Watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: false));
    }

    private void DrainDeadSystemMessages()
    {
        var message = Reverse(Interlocked.Exchange(ref _systemHead, null));
        while (message is not null)
        {
            var next = message.Next;
            message.Next = null;
            HandleDeadSystemMessage(message);
            message = next;
        }
    }

    private void DrainUserMessagesToDeadLetters()
    {
        // Once terminated, a sender's Tell drains too, concurrently with the owner's final drain:
        // take the unstashed queue atomically so each of its messages becomes one dead letter.
        if (Interlocked.Exchange(ref _unstashed, null) is { } unstashed)
        {
            foreach (var e in unstashed) _system.PublishDeadLetter(e.Message, e.Sender, this);
        }
        if (_queue is null) return;
        while (_queue.TryDequeue(out var e))
        {
            if (_capacity > 0) Interlocked.Decrement(ref _count);
            _system.PublishDeadLetter(e.Message, e.Sender, this);
        }
    }

    // ---- ReceiveAsync: the mailbox waits for the handler's task, continuations run inside the actor.

    internal void RunAsyncHandler<T>(Func<T, Task> handler, T message)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_syncContext ??= new ActorSynchronizationContext(this));
        Task task;
        try { task = handler(message); }
        finally { SynchronizationContext.SetSynchronizationContext(previous); }

        if (task.IsCompletedSuccessfully) return;
        if (task.IsCompleted) ExceptionDispatchInfo.Capture(Unwrap(task)).Throw();
        _awaitingTask = task;
        task.ContinueWith(static (t, state) => ((ActorCell)state!).SendSystemMessage(new AsyncHandlerCompleted(t)),
            this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private static Exception Unwrap(Task task) =>
        task.Exception?.InnerExceptions.Count == 1 ? task.Exception.InnerException! : (Exception?)task.Exception ?? new TaskCanceledException(task);

    private void RunContinuation(RunContinuation c)
    {
        if (_awaitingTask is null || _actor is null) return; // the actor restarted or stopped meanwhile
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_syncContext);
        try { c.Callback(c.State); }
        finally { SynchronizationContext.SetSynchronizationContext(previous); }
    }

    private void AsyncHandlerCompleted(Task task)
    {
        if (!ReferenceEquals(task, _awaitingTask)) return;
        _awaitingTask = null;
        try
        {
            if (!task.IsCompletedSuccessfully) HandleInvokeFailure(Unwrap(task));
        }
        finally
        {
            _currentMessage = null;
            _currentSender = null;
        }
    }

    /// <summary>Posts continuations of ReceiveAsync handlers back into the actor's mailbox.</summary>
    private sealed class ActorSynchronizationContext(ActorCell cell) : SynchronizationContext
    {
        public override void Post(SendOrPostCallback d, object? state) => cell.SendSystemMessage(new RunContinuation(d, state));

        public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("Synchronous Send into an actor would deadlock");

        public override SynchronizationContext CreateCopy() => this;
    }
}
