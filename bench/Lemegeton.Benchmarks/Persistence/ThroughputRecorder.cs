using Akka.Persistence;

namespace Lemegeton.Benchmarks.Persistence;

/// <summary>
/// One persistent actor for the journal load: each <see cref="int"/> command persists one event
/// (with Persist or PersistAsync); <paramref name="done"/> completes when <paramref name="target"/>
/// events are stored, <paramref name="recovered"/> with the number of events replayed at start.
/// </summary>
public sealed class ThroughputRecorder : ReceivePersistentActor
{
    private static readonly string Padding = new('x', 96);
    private long _stored;
    private long _replayed;

    public ThroughputRecorder(string persistenceId, bool async, long target, TaskCompletionSource done, TaskCompletionSource<long> recovered)
    {
        PersistenceId = persistenceId;
        Recover<string>(_ => _replayed++);
        Recover<RecoveryCompleted>(_ => recovered.TrySetResult(_replayed));
        Command<int>(n =>
        {
            var e = $"lease-granted {n} {Padding}";
            if (async) PersistAsync(e, _ => { if (++_stored == target) done.TrySetResult(); });
            else Persist(e, _ => { if (++_stored == target) done.TrySetResult(); });
        });
    }

    public override string PersistenceId { get; }
}
