using Akka.Actor;
using Lemegeton.Hub.Actors;
using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Hub.Tests.Actors;

/// <summary>
/// Everything the coordinator publishes (persisted events in journal order, git results), collected
/// from the hub's event stream; tests await conditions on it.
/// </summary>
internal sealed class HubEventLog
{
    private readonly Lock _gate = new();
    private readonly List<object> _items = [];
    private readonly List<(Func<IReadOnlyList<object>, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    public IReadOnlyList<object> Items { get { lock (_gate) return [.. _items]; } }

    public IReadOnlyList<IPersistedEvent> Events => [.. Items.OfType<IPersistedEvent>()];

    public void Attach(ActorSystem system)
    {
        var collector = system.ActorOf(Props.Create(() => new Collector(this)), "test-event-log");
        system.EventStream.Subscribe(collector, typeof(IPersistedEvent));
        system.EventStream.Subscribe(collector, typeof(GitCommitted));
        system.EventStream.Subscribe(collector, typeof(GitCommitFailed));
        system.EventStream.Subscribe(collector, typeof(TaskListRejected));
    }

    /// <summary>An actor in <paramref name="system"/> that adds every message it gets to this log (e.g. an agents' monitor).</summary>
    public IActorRef Sink(ActorSystem system, string name) => system.ActorOf(Props.Create(() => new Collector(this)), name);

    /// <summary>Completes when <paramref name="condition"/> holds over the log; fails after <paramref name="timeout"/>, naming <paramref name="what"/>.</summary>
    public async Task WaitFor(string what, Func<IReadOnlyList<object>, bool> condition, TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition(_items)) return;
            _waiters.Add((condition, done));
        }
        var finished = await Task.WhenAny(done.Task, Task.Delay(timeout)).ConfigureAwait(false);
        if (finished != done.Task)
            throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}. Log:\n{string.Join("\n", Items.TakeLast(40))}");
    }

    private void Add(object item)
    {
        lock (_gate)
        {
            _items.Add(item);
            foreach (var w in _waiters.Where(w => w.Condition(_items)).ToList())
            {
                _waiters.Remove(w);
                w.Done.TrySetResult();
            }
        }
    }

    private sealed class Collector : ReceiveActor
    {
        public Collector(HubEventLog log) => ReceiveAny(log.Add);
    }
}
