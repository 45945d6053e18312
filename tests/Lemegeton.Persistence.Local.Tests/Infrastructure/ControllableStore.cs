namespace Lemegeton.Persistence.Local.Tests.Infrastructure;

/// <summary>
/// A primary store for failover tests: a real <see cref="FileJournalStore"/> behind a switch that
/// makes every call fail, or makes writes stall until <see cref="Release"/> (then they land, like a
/// Redis write that was only slow).
/// </summary>
public sealed class ControllableStore(FileJournalStore inner) : IJournalStore
{
    private TaskCompletionSource _stall = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Task> _landing = [];
    private int _writes;

    public enum Behaviour { Healthy, Failing, Stalling }

    public Behaviour Mode { get; set; } = Behaviour.Healthy;

    public FileJournalStore Inner => inner;

    /// <summary>Write calls received, whatever happened to them.</summary>
    public int Writes => Volatile.Read(ref _writes);

    /// <summary>Lets every stalled write go on to the inner store; completes when they have landed.</summary>
    public Task Release()
    {
        var stalled = _stall;
        _stall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        stalled.TrySetResult();
        lock (_landing) return Task.WhenAll([.. _landing]);
    }

    public async Task WriteAsync(IReadOnlyList<IReadOnlyList<JournalEntry>> atomicWrites, CancellationToken ct = default)
    {
        Interlocked.Increment(ref _writes);
        switch (Mode)
        {
            case Behaviour.Failing:
                throw new IOException("primary unavailable");
            case Behaviour.Stalling:
                // Deliberately ignores cancellation: a request already sent still lands.
                var landing = LandAfter(_stall.Task, atomicWrites);
                lock (_landing) _landing.Add(landing);
                await landing.ConfigureAwait(false);
                return;
        }
        await inner.WriteAsync(atomicWrites, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task LandAfter(Task gate, IReadOnlyList<IReadOnlyList<JournalEntry>> atomicWrites)
    {
        await gate.ConfigureAwait(false);
        await inner.WriteAsync(atomicWrites, CancellationToken.None).ConfigureAwait(false);
    }

    public Task ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<JournalEntry> onEntry, CancellationToken ct = default) =>
        Mode == Behaviour.Failing ? throw new IOException("primary unavailable") : inner.ReplayAsync(persistenceId, fromSequenceNr, toSequenceNr, max, onEntry, ct);

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken ct = default) =>
        Mode == Behaviour.Failing ? throw new IOException("primary unavailable") : inner.ReadHighestSequenceNrAsync(persistenceId, fromSequenceNr, ct);

    public Task DeleteToAsync(string persistenceId, long toSequenceNr, CancellationToken ct = default) =>
        Mode == Behaviour.Failing ? throw new IOException("primary unavailable") : inner.DeleteToAsync(persistenceId, toSequenceNr, ct);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
