using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Lemegeton.Storage.Journal;

/// <summary>
/// The hub's journal across modes: appends go to Redis while it is healthy and to the local file
/// journal otherwise (degraded and isolated modes). An append that Redis cannot take falls over
/// to the file at once, so it is still acknowledged only once written. When Redis is back,
/// <see cref="RestoreRedisAsync"/> replays the file's events into the stream exactly once
/// (appends wait during the replay so the stream keeps their order), then writes go to Redis
/// again. Sequence numbers are those of the store that took the event.
/// </summary>
public sealed partial class FailoverJournal : IJournal
{
    private readonly RedisJournal? _redis;
    private readonly FileJournal _file;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private volatile TaskCompletionSource? _restoring;
    private volatile int _target;
    private int _inFlight;

    /// <param name="redis">Null in isolated mode (no Redis at all).</param>
    public FailoverJournal(RedisJournal? redis, FileJournal file, JournalTarget initial, TimeProvider time, ILogger<FailoverJournal> logger)
    {
        _redis = redis;
        _file = file;
        _time = time;
        _logger = logger;
        _target = (int)(redis is null ? JournalTarget.File : initial);
    }

    public JournalTarget Target => (JournalTarget)_target;

    public FileJournal File => _file;

    /// <summary>
    /// Where snapshots belong right now: Redis while writing to it, the file journal in isolated
    /// mode (no Redis at all), none while failed over (a snapshot must match the journal it is replayed from).
    /// </summary>
    public ISnapshotStore? CurrentSnapshotStore =>
        Target == JournalTarget.Redis ? _redis : _redis is null ? _file : null;

    public async Task<long> AppendAsync(JournalEvent journalEvent, CancellationToken ct = default)
    {
        while (true)
        {
            Interlocked.Increment(ref _inFlight);
            if (_restoring is { } restoring)
            {
                Interlocked.Decrement(ref _inFlight);
                await restoring.Task.WaitAsync(ct).ConfigureAwait(false);
                continue;
            }
            try
            {
                if (Target == JournalTarget.Redis && _redis is not null)
                {
                    try
                    {
                        return await _redis.AppendAsync(journalEvent, ct).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is RedisException or TimeoutException)
                    {
                        if (Interlocked.CompareExchange(ref _target, (int)JournalTarget.File, (int)JournalTarget.Redis) == (int)JournalTarget.Redis)
                            LogFellOver(_logger, ex.Message, _file.Directory);
                    }
                }
                return await _file.AppendAsync(journalEvent, ct).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }

    /// <summary>Sends appends to the file journal (the mode FSM moved to degraded or isolated).</summary>
    public void UseFile()
    {
        if (Interlocked.Exchange(ref _target, (int)JournalTarget.File) == (int)JournalTarget.Redis)
            LogSwitchedToFile(_logger, _file.Directory);
    }

    /// <summary>
    /// Replays the file journal's events not yet in Redis into the stream (exactly once, in
    /// batches of <paramref name="batchSize"/>), then sends appends to Redis again. Returns how
    /// many events were replayed. If Redis fails meanwhile, appends stay on the file.
    /// </summary>
    public async Task<int> RestoreRedisAsync(int batchSize = 500, CancellationToken ct = default)
    {
        if (_redis is null) throw new InvalidOperationException("This journal has no Redis to restore (isolated mode).");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (Interlocked.CompareExchange(ref _restoring, gate, null) is not null)
            throw new InvalidOperationException("A restore is already running.");
        try
        {
            while (Volatile.Read(ref _inFlight) > 0)
                await Task.Delay(TimeSpan.FromMilliseconds(1), _time, ct).ConfigureAwait(false);
            var count = await ReplayFileIntoRedisAsync(_file, _redis, batchSize, ct).ConfigureAwait(false);
            Interlocked.Exchange(ref _target, (int)JournalTarget.Redis);
            LogRestored(_logger, count);
            return count;
        }
        finally
        {
            _restoring = null;
            gate.TrySetResult();
        }
    }

    /// <summary>Imports the file journal's events that Redis has not seen; safe to run again after any failure.</summary>
    public static async Task<int> ReplayFileIntoRedisAsync(FileJournal file, RedisJournal redis, int batchSize = 500, CancellationToken ct = default)
    {
        var done = await redis.ImportedUpToAsync(file.JournalId).ConfigureAwait(false);
        var count = 0;
        var batch = new List<JournalRecord>(batchSize);
        await foreach (var record in file.ReadAsync(done, ct).ConfigureAwait(false))
        {
            batch.Add(record);
            if (batch.Count < batchSize) continue;
            count += await redis.ImportAsync(file.JournalId, batch).ConfigureAwait(false);
            batch.Clear();
        }
        count += await redis.ImportAsync(file.JournalId, batch).ConfigureAwait(false);
        return count;
    }

    /// <summary>Reads from the store currently written to.</summary>
    public IAsyncEnumerable<JournalRecord> ReadAsync(long afterSeq, CancellationToken ct = default) =>
        Target == JournalTarget.Redis && _redis is not null ? _redis.ReadAsync(afterSeq, ct) : _file.ReadAsync(afterSeq, ct);

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null) await _redis.DisposeAsync().ConfigureAwait(false);
        await _file.DisposeAsync().ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "Redis refused a journal append ({Error}): journaling to {Directory} until Redis is restored")]
    private static partial void LogFellOver(ILogger logger, string error, string directory);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Journaling to {Directory}")]
    private static partial void LogSwitchedToFile(ILogger logger, string directory);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Information, Message = "Replayed {Count} event(s) from the file journal into Redis; journaling to Redis again")]
    private static partial void LogRestored(ILogger logger, int count);
}
