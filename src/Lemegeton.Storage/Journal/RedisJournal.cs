using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Lemegeton.Storage.Redis;
using StackExchange.Redis;

namespace Lemegeton.Storage.Journal;

/// <summary>
/// The journal on the Redis stream <c>lemegeton:{project}:journal</c>. Entry ids are
/// <c>{seq}-0</c>; each entry's field <c>e</c> holds the envelope <c>{seq, type, time, data}</c>.
/// A batch of concurrent appends is one EVALSHA (one round trip); a caller's task completes once
/// Redis has executed it (durability then follows the server's <c>appendfsync</c>).
/// </summary>
public sealed class RedisJournal : IJournal, ISnapshotStore
{
    private static readonly RedisScript AppendScript = RedisScript.FromResource("journal-append");
    private static readonly RedisScript ImportScript = RedisScript.FromResource("journal-import");

    private readonly IConnectionMultiplexer _mux;
    private readonly IDatabase _db;
    private readonly RedisKeys _keys;
    private readonly RedisJournalOptions _options;
    private readonly GroupCommitter<byte[]> _committer;

    public RedisJournal(IConnectionMultiplexer mux, RedisKeys keys, RedisJournalOptions options)
    {
        _mux = mux;
        _db = mux.GetDatabase();
        _keys = keys;
        _options = options;
        _committer = new GroupCommitter<byte[]>(WriteBatchAsync, options.MaxBatch);
    }

    public Task<long> AppendAsync(JournalEvent journalEvent, CancellationToken ct = default) =>
        _committer.EnqueueAsync(journalEvent.ToBodyUtf8(), ct);

    private async Task<long> WriteBatchAsync(IReadOnlyList<byte[]> bodies)
    {
        var args = new RedisValue[bodies.Count];
        for (var i = 0; i < bodies.Count; i++) args[i] = bodies[i];
        var first = await AppendScript.EvaluateAsync(_mux, _db, [_keys.Journal, _keys.JournalSequence], args).ConfigureAwait(false);
        return (long)first;
    }

    public async IAsyncEnumerable<JournalRecord> ReadAsync(long afterSeq, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var start = "(" + afterSeq.ToString(CultureInfo.InvariantCulture) + "-0";
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var page = (RedisResult[])(await _db.ExecuteAsync("XRANGE", (RedisKey)_keys.Journal.ToString(), start, "+", "COUNT", _options.ReadPageSize).ConfigureAwait(false))!;
            if (page.Length == 0) yield break;
            foreach (var entry in page)
            {
                var parts = (RedisResult[])entry!;
                var id = (string)parts[0]!;
                var fields = (RedisValue[])parts[1]!;
                for (var f = 0; f + 1 < fields.Length; f += 2)
                {
                    if (fields[f] != "e") continue;
                    yield return Parse((byte[])fields[f + 1]!);
                }
                start = "(" + id;
            }
            if (page.Length < _options.ReadPageSize) yield break;
        }
    }

    /// <summary>The highest sequence number written so far (0 for an empty journal).</summary>
    public async Task<long> LastSequenceAsync()
    {
        var last = (RedisResult[])(await _db.ExecuteAsync("XREVRANGE", (RedisKey)_keys.Journal.ToString(), "+", "-", "COUNT", 1).ConfigureAwait(false))!;
        if (last.Length == 0) return 0;
        var id = (string)((RedisResult[])last[0]!)[0]!;
        return long.Parse(id.AsSpan(0, id.IndexOf('-')), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Appends events from a file journal, skipping those already imported: the last imported
    /// file seq is stored in the same script as the appends, so a replay interrupted at any point
    /// and run again imports every event exactly once. Returns how many were appended.
    /// </summary>
    public async Task<int> ImportAsync(string fileJournalId, IReadOnlyList<JournalRecord> records)
    {
        if (records.Count == 0) return 0;
        var args = new RedisValue[1 + records.Count * 2];
        args[0] = fileJournalId;
        for (var i = 0; i < records.Count; i++)
        {
            args[1 + i * 2] = records[i].Seq;
            args[2 + i * 2] = records[i].Event.ToBodyUtf8();
        }
        var count = await ImportScript.EvaluateAsync(_mux, _db, [_keys.Journal, _keys.JournalSequence, _keys.JournalImported], args).ConfigureAwait(false);
        return (int)(long)count;
    }

    /// <summary>The last file seq of this file journal already imported (0 if none).</summary>
    public async Task<long> ImportedUpToAsync(string fileJournalId)
    {
        var v = await _db.HashGetAsync(_keys.JournalImported, fileJournalId).ConfigureAwait(false);
        return v.IsNull ? 0 : (long)v;
    }

    public async Task SaveAsync(JournalSnapshot snapshot, CancellationToken ct = default)
    {
        await _db.HashSetAsync(_keys.Snapshot,
        [
            new HashEntry("seq", snapshot.Seq),
            new HashEntry("time", snapshot.Time.ToString("O", CultureInfo.InvariantCulture)),
            new HashEntry("state", snapshot.State.GetRawText()),
        ]).ConfigureAwait(false);
    }

    public async Task<JournalSnapshot?> LoadAsync(CancellationToken ct = default)
    {
        var values = await _db.HashGetAsync(_keys.Snapshot, ["seq", "time", "state"]).ConfigureAwait(false);
        if (values[0].IsNull || values[2].IsNull) return null;
        using var state = JsonDocument.Parse((string)values[2]!);
        return new JournalSnapshot(
            (long)values[0],
            DateTimeOffset.Parse((string)values[1]!, CultureInfo.InvariantCulture),
            state.RootElement.Clone());
    }

    /// <summary>Loads the journal scripts into the server ahead of the first append.</summary>
    public async Task LoadScriptsAsync()
    {
        await AppendScript.LoadAsync(_mux).ConfigureAwait(false);
        await ImportScript.LoadAsync(_mux).ConfigureAwait(false);
    }

    /// <summary>Waits for queued appends to be written, then stops the commit loop.</summary>
    public ValueTask DisposeAsync() => _committer.DisposeAsync();

    internal static JournalRecord Parse(byte[] envelope)
    {
        using var doc = JsonDocument.Parse(envelope);
        var root = doc.RootElement;
        var origin = root.TryGetProperty("origin", out var o) ? o.GetString() : null;
        return new JournalRecord(root.GetProperty("seq").GetInt64(), JournalEvent.FromJson(root), origin);
    }
}
