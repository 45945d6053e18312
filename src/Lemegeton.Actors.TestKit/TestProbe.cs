using System.Collections.Concurrent;
using System.Diagnostics;

namespace Lemegeton.Actors.TestKit;

/// <summary>
/// An actor whose messages a test can wait for: <see cref="ExpectMsg{T}(TimeSpan?)"/>,
/// <see cref="ExpectNoMsg"/>, <see cref="ExpectTerminated"/>, <see cref="FishForMessage{T}"/>,
/// <see cref="Within"/>. Waits use real time (they guard against hangs, they do not measure the
/// system under test), so they work with a <see cref="ManualTimeProvider"/> driving the actors.
/// </summary>
public sealed class TestProbe : IActorRef, IWrappedActorRef
{
    /// <summary>Default wait of every expectation (Akka's <c>single-expect-default</c>): 3 s.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    private readonly BlockingCollection<(object Message, IActorRef Sender)> _queue = [];
    private DateTime? _deadline;

    internal TestProbe(ActorSystem system, string name)
    {
        System = system;
        Ref = system.SystemActorOf(Props.Create(() => new ProbeActor(this)), name);
    }

    /// <summary>The system the probe lives in.</summary>
    public ActorSystem System { get; }

    /// <summary>The probe's actor reference (use it as a sender, a watcher, a child's stand-in).</summary>
    public IActorRef Ref { get; }

    /// <inheritdoc />
    public ActorPath Path => Ref.Path;

    /// <summary>Sender of the last message taken by an expectation.</summary>
    public IActorRef LastSender { get; private set; } = ActorRefs.Nobody;

    /// <summary>Sends a message to the probe.</summary>
    public void Tell(object message, IActorRef? sender) => Ref.Tell(message, sender);

    /// <summary>Replies to <see cref="LastSender"/> with the probe as sender.</summary>
    public void Reply(object message) => LastSender.Tell(message, Ref);

    /// <summary>Sends <paramref name="message"/> to <paramref name="target"/> with the probe as sender.</summary>
    public void Send(IActorRef target, object message) => target.Tell(message, Ref);

    /// <summary>Watches <paramref name="target"/>; its <see cref="Terminated"/> will arrive at this probe.</summary>
    public IActorRef Watch(IActorRef target)
    {
        using var done = new ManualResetEventSlim();
        Ref.Tell(new WatchRequest(target, watch: true, done), null);
        if (!done.Wait(DefaultTimeout)) throw new TestKitAssertionException($"Probe {Path} could not watch {target.Path}");
        return target;
    }

    /// <summary>Stops watching <paramref name="target"/>.</summary>
    public IActorRef Unwatch(IActorRef target)
    {
        using var done = new ManualResetEventSlim();
        Ref.Tell(new WatchRequest(target, watch: false, done), null);
        if (!done.Wait(DefaultTimeout)) throw new TestKitAssertionException($"Probe {Path} could not unwatch {target.Path}");
        return target;
    }

    /// <summary>Waits for the next message, which must be a <typeparamref name="T"/>.</summary>
    public T ExpectMsg<T>(TimeSpan? timeout = null) => ExpectMsg<T>(null, timeout);

    /// <summary>Waits for the next message, which must be a <typeparamref name="T"/> satisfying <paramref name="predicate"/>.</summary>
    public T ExpectMsg<T>(Predicate<T>? predicate, TimeSpan? timeout = null)
    {
        var (message, _) = Next(timeout, $"a {typeof(T).Name}");
        if (message is not T t)
            throw new TestKitAssertionException($"Expected a {typeof(T).Name} at {Path} but got {Describe(message)}");
        if (predicate is not null && !predicate(t))
            throw new TestKitAssertionException($"Expected a {typeof(T).Name} matching the predicate at {Path} but got {Describe(message)}");
        return t;
    }

    /// <summary>Waits for the next message, which must equal <paramref name="expected"/>.</summary>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null) where T : notnull
    {
        var (message, _) = Next(timeout, Describe(expected));
        if (!Equals(message, expected))
            throw new TestKitAssertionException($"Expected {Describe(expected)} at {Path} but got {Describe(message)}");
        return (T)message;
    }

    /// <summary>Asserts that no message arrives for <paramref name="duration"/> (default 100 ms of real time).</summary>
    public void ExpectNoMsg(TimeSpan? duration = null)
    {
        var wait = duration ?? TimeSpan.FromMilliseconds(100);
        if (_queue.TryTake(out var item, wait))
        {
            LastSender = item.Sender;
            throw new TestKitAssertionException($"Expected no message at {Path} for {wait} but got {Describe(item.Message)}");
        }
    }

    /// <summary>Waits for the <see cref="Terminated"/> of <paramref name="target"/> (watch it first).</summary>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null)
    {
        var actor = target is TestProbe p ? p.Ref : target;
        return ExpectMsg<Terminated>(t => t.ActorRef.Equals(actor), timeout);
    }

    /// <summary>Skips messages until one is a <typeparamref name="T"/> matching <paramref name="isMessage"/>; fails at the timeout.</summary>
    public T FishForMessage<T>(Predicate<T> isMessage, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + RemainingOr(timeout);
        var skipped = new List<object>();
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_queue.TryTake(out var item, left))
                throw new TestKitAssertionException($"No {typeof(T).Name} matching the predicate arrived at {Path}; skipped: [{string.Join(", ", skipped.Select(Describe))}]");
            LastSender = item.Sender;
            if (item.Message is T t && isMessage(t)) return t;
            skipped.Add(item.Message);
        }
    }

    /// <summary>Receives <paramref name="count"/> messages of any type.</summary>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + RemainingOr(timeout);
        var result = new List<object>(count);
        while (result.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_queue.TryTake(out var item, left))
                throw new TestKitAssertionException($"Expected {count} messages at {Path} but got {result.Count}");
            LastSender = item.Sender;
            result.Add(item.Message);
        }
        return result;
    }

    /// <summary>
    /// Runs <paramref name="block"/> and asserts it took at most <paramref name="max"/> (real time);
    /// expectations inside default to the time left.
    /// </summary>
    public T Within<T>(TimeSpan max, Func<T> block)
    {
        var outer = _deadline;
        var start = Stopwatch.GetTimestamp();
        _deadline = DateTime.UtcNow + max;
        try
        {
            var result = block();
            var elapsed = Stopwatch.GetElapsedTime(start);
            if (elapsed > max) throw new TestKitAssertionException($"The block took {elapsed}, more than the allowed {max}");
            return result;
        }
        finally
        {
            _deadline = outer;
        }
    }

    /// <summary>Runs <paramref name="block"/> and asserts it took at most <paramref name="max"/>.</summary>
    public void Within(TimeSpan max, Action block) => Within(max, () => { block(); return true; });

    /// <summary>The time left in the innermost <see cref="Within"/>, or the default timeout.</summary>
    public TimeSpan Remaining => _deadline is { } d ? (d - DateTime.UtcNow) : DefaultTimeout;

    /// <inheritdoc />
    public override string ToString() => $"TestProbe[{Path}]";

    /// <summary>A probe equals its own actor reference, so it can stand in for it anywhere.</summary>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj) || Ref.Equals(obj is TestProbe p ? p.Ref : obj);

    /// <inheritdoc />
    public override int GetHashCode() => Ref.GetHashCode();

    private TimeSpan RemainingOr(TimeSpan? timeout)
    {
        var t = timeout ?? Remaining;
        return t < TimeSpan.Zero ? TimeSpan.Zero : t;
    }

    private (object Message, IActorRef Sender) Next(TimeSpan? timeout, string expected)
    {
        var wait = RemainingOr(timeout);
        if (!_queue.TryTake(out var item, wait))
            throw new TestKitAssertionException($"Timeout ({wait}) waiting at {Path} for {expected}");
        LastSender = item.Sender;
        return item;
    }

    private static string Describe(object? message) => message is null ? "null" : $"{message.GetType().Name} {message}";

    private sealed class WatchRequest(IActorRef target, bool watch, ManualResetEventSlim done)
    {
        public IActorRef Target { get; } = target;
        public bool IsWatch { get; } = watch;
        public ManualResetEventSlim Done { get; } = done;
    }

    private sealed class ProbeActor(TestProbe probe) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is WatchRequest w)
            {
                if (w.IsWatch) Context.Watch(w.Target);
                else Context.Unwatch(w.Target);
                w.Done.Set();
                return;
            }
            probe._queue.Add((message, Sender));
        }
    }
}
