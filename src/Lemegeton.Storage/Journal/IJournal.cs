namespace Lemegeton.Storage.Journal;

/// <summary>
/// The hot state's event log as <see cref="Sync.StateHydrator"/> and <see cref="Sync.JournaledHotState"/>
/// use it: one global sequence of <see cref="JournalEvent"/>s. <see cref="StoreJournal"/> keeps it in
/// any <c>IJournalStore</c> (local, failover or Redis) under one persistence id.
/// </summary>
public interface IJournal : IAsyncDisposable
{
    /// <summary>Appends an event; returns its sequence number once it is durable.</summary>
    Task<long> AppendAsync(JournalEvent journalEvent, CancellationToken ct = default);

    /// <summary>Events with a sequence number greater than <paramref name="afterSeq"/>, in order.</summary>
    IAsyncEnumerable<JournalRecord> ReadAsync(long afterSeq, CancellationToken ct = default);
}
