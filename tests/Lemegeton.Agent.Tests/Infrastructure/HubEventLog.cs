using Akka.Actor;
using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Agent.Tests.Infrastructure;

/// <summary>The coordinator's persisted events, collected from the hub's event stream; tests await conditions on them.</summary>
internal sealed class HubEventLog
{
    private readonly Lock _gate = new();
    private readonly List<object> _items = [];
    private readonly List<(Func<IReadOnlyList<object>, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    public IReadOnlyList<object> Items { get { lock (_gate) return [.. _items]; } }

    public void Attach(ActorSystem system)
    {
        var collector = system.ActorOf(Props.Create(() => new Collector(this)), "test-event-log");
        system.EventStream.Subscribe(collector, typeof(IPersistedEvent));
        system.EventStream.Subscribe(collector, typeof(Lemegeton.Hub.Actors.AgentNodeVerdict));
    }

    public async Task WaitFor(string what, Func<IReadOnlyList<object>, bool> condition, TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (condition(_items)) return;
            _waiters.Add((condition, done));
        }
        if (await Task.WhenAny(done.Task, Task.Delay(timeout)) != done.Task)
            throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}. Events:\n{string.Join("\n", Items.TakeLast(40))}");
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
