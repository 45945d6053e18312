using Akka.Actor;
using Akka.Persistence;

namespace Lemegeton.Benchmarks.Persistence;

/// <summary>
/// One command, one event: each <see cref="PersistEvent"/> is persisted with <c>Persist</c> or
/// <c>PersistAsync</c>; the task of the last <see cref="ExpectEvents"/> completes when that many
/// handlers ran. Recovery reports the number of replayed events.
/// </summary>
public sealed class BenchmarkPersistentActor : ReceivePersistentActor
{
    private long _remaining;
    private TaskCompletionSource? _done;

    public BenchmarkPersistentActor(string persistenceId, TaskCompletionSource<long>? recovered)
    {
        PersistenceId = persistenceId;
        var replayed = 0L;
        Recover<string>(_ => replayed++);
        Recover<RecoveryCompleted>(_ => recovered?.TrySetResult(replayed));
        Command<ExpectEvents>(expect =>
        {
            _remaining = expect.Count;
            _done = expect.Done;
        });
        Command<PersistEvent>(command =>
        {
            if (command.Async) PersistAsync(command.Event, Persisted);
            else Persist(command.Event, Persisted);
        });
    }

    public override string PersistenceId { get; }

    private void Persisted(string @event)
    {
        if (--_remaining == 0) _done?.TrySetResult();
    }
}
