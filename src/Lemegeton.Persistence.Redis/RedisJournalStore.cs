using System.Globalization;
using System.Text;
using StackExchange.Redis;

namespace Lemegeton.Persistence.Redis;

/// <summary>
/// The journal store on Redis streams: one stream per persistence id with entry ids
/// <c>{seqNr}-0</c>, and a hash of the highest sequence number per id (see <see cref="RedisKeyLayout"/>).
/// Concurrent <see cref="WriteAsync"/> calls are group-committed into one <c>journal-write</c>
/// script call; each call is stored whole or not at all, and idempotently (a retried call whose
/// events are already stored by the same writer stores nothing twice).
/// </summary>
public sealed class RedisJournalStore : IJournalStore
{
    private const char TagSeparator = '\u001f';
    private static readonly RedisScript WriteScript = RedisScript.FromResource("journal-write");

    private readonly RedisConnection _connection;
    private readonly RedisKeyLayout _keys;
    private readonly RedisPersistenceSettings _settings;
    private readonly JournalWriteCommitter _committer;

    /// <summary>A store that opens (and owns) its own connection from <paramref name="settings"/>.</summary>
    public RedisJournalStore(RedisPersistenceSettings settings)
        : this(new RedisConnection(settings, "lemegeton-journal"), settings)
    {
    }

    /// <summary>A store on a connection the caller owns (it stays open when the store is disposed).</summary>
    public RedisJournalStore(IConnectionMultiplexer multiplexer, RedisPersistenceSettings settings)
        : this(new RedisConnection(multiplexer), settings)
    {
    }

    private RedisJournalStore(RedisConnection connection, RedisPersistenceSettings settings)
    {
        _connection = connection;
        _settings = settings;
        _keys = new RedisKeyLayout(settings.KeyPrefix);
        _committer = new JournalWriteCommitter(WriteGroupsAsync, settings.MaxBatchSize);
    }

    /// <summary>The key names this store uses.</summary>
    public RedisKeyLayout Keys => _keys;

    public Task WriteAsync(IReadOnlyList<IReadOnlyList<JournalEntry>> atomicWrites, CancellationToken ct = default)
    {
        var entries = new List<JournalEntry>();
        foreach (var write in atomicWrites)
        {
            foreach (var entry in write)
            {
                if (entry.SequenceNr <= 0)
                    throw new ArgumentException($"Journal entry {entry.PersistenceId}#{entry.SequenceNr}: sequence numbers start at 1.", nameof(atomicWrites));
                entries.Add(entry);
            }
        }

        return entries.Count == 0 ? Task.CompletedTask : _committer.EnqueueAsync(entries, ct);
    }

    private async Task<IReadOnlyList<Exception?>> WriteGroupsAsync(IReadOnlyList<IReadOnlyList<JournalEntry>> groups)
    {
        var eventCount = 0;
        foreach (var g in groups) eventCount += g.Count;
        var keys = new RedisKey[1 + eventCount];
        var args = new RedisValue[1 + groups.Count + (8 * eventCount)];
        keys[0] = _keys.JournalHighest;
        args[0] = groups.Count;
        int k = 1, a = 1;
        foreach (var group in groups)
        {
            args[a++] = group.Count;
            foreach (var e in group)
            {
                keys[k++] = _keys.Journal(e.PersistenceId);
                args[a++] = e.PersistenceId;
                args[a++] = e.SequenceNr.ToString(CultureInfo.InvariantCulture);
                args[a++] = e.WriterGuid;
                args[a++] = e.Timestamp;
                args[a++] = e.SerializerId;
                args[a++] = e.Manifest;
                args[a++] = e.Payload;
                args[a++] = e.Tags.Count == 0 ? RedisValue.EmptyString : string.Join(TagSeparator, e.Tags);
            }
        }

        RedisResult[] result;
        try
        {
            // The client's own timeout is checked on a heartbeat (about once a second), so the
            // write timeout is enforced here. A write that timed out may still be applied by the
            // server; the script makes the caller's retry harmless.
            result = (RedisResult[])(await WriteAsyncCore(keys, args).WaitAsync(_settings.WriteTimeout).ConfigureAwait(false))!;
        }
        catch (TimeoutException ex) when (ex is not RedisTimeoutException)
        {
            throw new TimeoutException(
                $"The Redis journal write of {eventCount} events ({groups.Count} requests) to {_settings.Endpoint} did not complete within {_settings.WriteTimeout.TotalMilliseconds} ms. It may still be applied; retrying it is safe.",
                ex);
        }

        var outcomes = new Exception?[groups.Count];
        for (var i = 0; i < groups.Count; i++)
        {
            if (result[i].Resp2Type == ResultType.Array)
            {
                var conflict = (RedisResult[])result[i]!;
                var writer = groups[i][0].WriterGuid;
                foreach (var e in groups[i])
                {
                    if (e.PersistenceId == (string?)conflict[0] && e.SequenceNr.ToString(CultureInfo.InvariantCulture) == (string?)conflict[1])
                    {
                        writer = e.WriterGuid;
                    }
                }

                outcomes[i] = new JournalConflictException(
                    (string)conflict[0]!,
                    long.Parse((string)conflict[1]!, CultureInfo.InvariantCulture),
                    (string)conflict[2]!,
                    writer);
            }
        }

        return outcomes;
    }

    private async Task<RedisResult> WriteAsyncCore(RedisKey[] keys, RedisValue[] args)
    {
        var db = await _connection.DatabaseAsync().ConfigureAwait(false);
        return await WriteScript.EvaluateAsync(db, keys, args).ConfigureAwait(false);
    }

    public async Task ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<JournalEntry> onEntry, CancellationToken ct = default)
    {
        if (max <= 0 || toSequenceNr < fromSequenceNr || toSequenceNr <= 0) return;
        var db = await _connection.DatabaseAsync().ConfigureAwait(false);
        var key = _keys.Journal(persistenceId);
        RedisValue start = Math.Max(0, fromSequenceNr).ToString(CultureInfo.InvariantCulture) + "-0";
        RedisValue end = toSequenceNr == long.MaxValue ? "+" : toSequenceNr.ToString(CultureInfo.InvariantCulture) + "-0";
        var delivered = 0L;
        while (delivered < max)
        {
            ct.ThrowIfCancellationRequested();
            var count = (int)Math.Min(_settings.ReplayPageSize, max - delivered);
            var page = await db.StreamRangeAsync(key, start, end, count).ConfigureAwait(false);
            foreach (var entry in page)
            {
                onEntry(ToEntry(persistenceId, entry));
                delivered++;
            }

            if (page.Length < count) return;
            start = "(" + (string)page[^1].Id!;
        }
    }

    public async Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken ct = default)
    {
        var db = await _connection.DatabaseAsync().ConfigureAwait(false);
        var value = await db.HashGetAsync(_keys.JournalHighest, persistenceId).ConfigureAwait(false);
        return value.IsNull ? 0 : (long)value;
    }

    public async Task DeleteToAsync(string persistenceId, long toSequenceNr, CancellationToken ct = default)
    {
        if (toSequenceNr <= 0) return;
        var db = await _connection.DatabaseAsync().ConfigureAwait(false);
        // XTRIM MINID removes every entry whose id is below the bound; the highest sequence number
        // lives in the journal-highest hash, so it survives even when the stream becomes empty.
        var bound = ((ulong)toSequenceNr + 1).ToString(CultureInfo.InvariantCulture);
        await db.StreamTrimByMinIdAsync(_keys.Journal(persistenceId), bound).ConfigureAwait(false);
    }

    /// <summary>Waits for queued writes to be stored, then closes the connection if the store owns it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _committer.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private static JournalEntry ToEntry(string persistenceId, StreamEntry entry)
    {
        var id = (string)entry.Id!;
        var sequenceNr = long.Parse(id.AsSpan(0, id.IndexOf('-')), CultureInfo.InvariantCulture);
        string writer = string.Empty, manifest = string.Empty;
        long timestamp = 0;
        var serializer = 0;
        byte[] payload = [];
        IReadOnlyList<string> tags = [];
        foreach (var field in entry.Values)
        {
            switch ((string?)field.Name)
            {
                case "w": writer = (string)field.Value!; break;
                case "t": timestamp = (long)field.Value; break;
                case "s": serializer = (int)field.Value; break;
                case "m": manifest = (string?)field.Value ?? string.Empty; break;
                case "p": payload = (byte[]?)field.Value ?? []; break;
                case "g": tags = ((string)field.Value!).Split(TagSeparator); break;
            }
        }

        return new JournalEntry(persistenceId, sequenceNr, manifest, serializer, payload, writer, timestamp, tags);
    }
}
