namespace Lemegeton.Storage.Journal;

/// <summary>
/// An append-only log of state-change events. Appends are group-committed: concurrent callers
/// share one write, and each call completes only once its event is written (per the store's
/// durability policy). Implemented on a Redis stream and on local JSONL files.
/// </summary>
public interface IJournal : IAsyncDisposable
{
    /// <summary>Appends an event; returns its sequence number once written.</summary>
    Task<long> AppendAsync(JournalEvent journalEvent, CancellationToken ct = default);

    /// <summary>Events with a sequence number greater than <paramref name="afterSeq"/>, in order.</summary>
    IAsyncEnumerable<JournalRecord> ReadAsync(long afterSeq, CancellationToken ct = default);
}
