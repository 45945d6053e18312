using System.Runtime.CompilerServices;
using System.Text.Json;
using Lemegeton.Persistence;

namespace Lemegeton.Storage.Journal;

/// <summary>
/// <see cref="IJournal"/> over a journal store: the events are the entries of one persistence id
/// (default <c>hub-state</c>), each payload the event's JSON body, so the hot-state log lives in
/// the same local, failover or Redis store as the Akka journals. Appends are serialized; the
/// store (owned, disposed with this journal) makes each one durable before it is acknowledged.
/// </summary>
public sealed class StoreJournal(IJournalStore store, string persistenceId = StoreJournal.DefaultPersistenceId, string? writerId = null) : IJournal
{
    public const string DefaultPersistenceId = "hub-state";

    /// <summary>Manifest of the entries this journal writes (their payload is a <see cref="JournalEvent"/> body).</summary>
    public const string Manifest = "lemegeton.journal-event";

    private readonly SemaphoreSlim _serial = new(1, 1);
    private readonly string _writer = writerId ?? Guid.NewGuid().ToString("N");
    private long _last = -1;

    public async Task<long> AppendAsync(JournalEvent journalEvent, CancellationToken ct = default)
    {
        await _serial.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_last < 0) _last = await store.ReadHighestSequenceNrAsync(persistenceId, 0, ct).ConfigureAwait(false);
            var seq = _last + 1;
            var entry = new JournalEntry(persistenceId, seq, Manifest, 0, journalEvent.ToBodyUtf8(), _writer, journalEvent.Time.ToUnixTimeMilliseconds(), []);
            await store.WriteAsync([[entry]], ct).ConfigureAwait(false);
            _last = seq;
            return seq;
        }
        finally
        {
            _serial.Release();
        }
    }

    public async IAsyncEnumerable<JournalRecord> ReadAsync(long afterSeq, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var records = new List<JournalRecord>();
        await store.ReplayAsync(persistenceId, afterSeq + 1, long.MaxValue, long.MaxValue, entry =>
        {
            using var doc = JsonDocument.Parse(entry.Payload);
            records.Add(new JournalRecord(entry.SequenceNr, JournalEvent.FromJson(doc.RootElement)));
        }, ct).ConfigureAwait(false);
        foreach (var record in records) yield return record;
    }

    public ValueTask DisposeAsync()
    {
        _serial.Dispose();
        return store.DisposeAsync();
    }
}
