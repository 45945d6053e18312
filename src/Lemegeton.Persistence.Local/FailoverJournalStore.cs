using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Persistence.Local;

/// <summary>
/// A journal store over a primary store (Redis in production) that never refuses a write the
/// primary cannot take: a write that fails, or has not completed within
/// <see cref="FailoverJournalOptions.WriteTimeout"/>, is written to the local store instead and
/// acknowledged once durable there. From then on writes go local until the primary is caught up:
/// every <see cref="FailoverJournalOptions.CatchUpInterval"/> the local entries of each persistence
/// id are copied into the primary in order, then deleted locally. The primary's idempotence per
/// (persistence id, sequence number, writer) makes a retried or interrupted catch-up safe, and
/// means a write that timed out but did land in the primary is not stored twice.
/// </summary>
/// <remarks>
/// Per persistence id, the primary holds a prefix of the events and the local store the rest
/// (possibly overlapping after a timed-out write that landed); a persistence id with local entries
/// keeps writing locally until its catch-up is done, so the primary never holds an event without
/// the ones before it. Replay reads the primary, then the local store from the next sequence
/// number; it needs the primary, so a persistent actor cannot recover while the primary is down
/// (running actors keep writing). Deletes need the primary too.
/// </remarks>
public sealed partial class FailoverJournalStore : IJournalStore
{
    private readonly IJournalStore _primary;
    private readonly FileJournalStore _local;
    private readonly FailoverJournalOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, byte> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _catchUpGate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _catchUpLoop;
    private volatile bool _failedOver;

    /// <param name="primary">The store writes go to while it works; owned (disposed) by this store.</param>
    /// <param name="local">Where writes go while the primary cannot take them; owned too. Entries it
    /// still holds from an earlier run are caught up like any others.</param>
    public FailoverJournalStore(IJournalStore primary, FileJournalStore local, FailoverJournalOptions options, TimeProvider time, ILogger logger)
    {
        _primary = primary;
        _local = local;
        _options = options;
        _time = time;
        _logger = logger;
        foreach (var pid in local.LivePersistenceIds()) _pending[pid] = 0;
        if (!_pending.IsEmpty) LogPendingAtStart(logger, _pending.Count);
        _catchUpLoop = Task.Run(CatchUpLoopAsync);
    }

    /// <summary>True from a primary failure until the next catch-up that reaches the primary.</summary>
    public bool IsFailedOver => _failedOver;

    /// <summary>Persistence ids whose entries wait in the local store for catch-up.</summary>
    public IReadOnlyCollection<string> PendingPersistenceIds => [.. _pending.Keys];

    public async Task WriteAsync(IReadOnlyList<IReadOnlyList<JournalEntry>> atomicWrites, CancellationToken ct = default)
    {
        var pids = atomicWrites.Where(w => w.Count > 0).Select(w => w[0].PersistenceId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var held = await LockAsync(pids, ct).ConfigureAwait(false);
        try
        {
            if (!_failedOver && !pids.Any(_pending.ContainsKey))
            {
                try
                {
                    await WithTimeoutAsync(token => _primary.WriteAsync(atomicWrites, token), _options.WriteTimeout, ct).ConfigureAwait(false);
                    return;
                }
                catch (Exception ex) when (IsPrimaryFailure(ex, ct))
                {
                    FailOver(ex);
                }
            }

            foreach (var pid in pids) _pending[pid] = 0;
            await _local.WriteAsync(atomicWrites, ct).ConfigureAwait(false);
        }
        finally
        {
            foreach (var l in held) l.Release();
        }
    }

    public async Task ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<JournalEntry> onEntry, CancellationToken ct = default)
    {
        var last = fromSequenceNr - 1;
        long count = 0;
        var open = 1;
        await WithTimeoutAsync(
            token => _primary.ReplayAsync(persistenceId, fromSequenceNr, toSequenceNr, max, e =>
            {
                // After a timeout the primary's late callbacks must not reach the caller.
                if (Volatile.Read(ref open) == 0) return;
                onEntry(e);
                last = e.SequenceNr;
                count++;
            }, token),
            _options.ReadTimeout,
            ct,
            onTimeout: () => Volatile.Write(ref open, 0)).ConfigureAwait(false);
        Volatile.Write(ref open, 0);
        if (count >= max || last >= toSequenceNr) return;
        await _local.ReplayAsync(persistenceId, Math.Max(fromSequenceNr, last + 1), toSequenceNr, max - count, onEntry, ct).ConfigureAwait(false);
    }

    public async Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken ct = default)
    {
        long primary = 0;
        await WithTimeoutAsync(async token => primary = await _primary.ReadHighestSequenceNrAsync(persistenceId, fromSequenceNr, token).ConfigureAwait(false), _options.ReadTimeout, ct).ConfigureAwait(false);
        var local = await _local.ReadHighestSequenceNrAsync(persistenceId, fromSequenceNr, ct).ConfigureAwait(false);
        return Math.Max(primary, local);
    }

    public async Task DeleteToAsync(string persistenceId, long toSequenceNr, CancellationToken ct = default)
    {
        var held = await LockAsync([persistenceId], ct).ConfigureAwait(false);
        try
        {
            await WithTimeoutAsync(token => _primary.DeleteToAsync(persistenceId, toSequenceNr, token), _options.WriteTimeout, ct).ConfigureAwait(false);
            await _local.DeleteToAsync(persistenceId, toSequenceNr, ct).ConfigureAwait(false);
        }
        finally
        {
            held[0].Release();
        }
    }

    /// <summary>
    /// Copies every local entry into the primary, persistence id by persistence id, and deletes it
    /// locally once the primary has it. Returns true when the primary took everything (writes go to
    /// it again), false when it still fails (try again later; nothing is lost or duplicated either way).
    /// </summary>
    public async Task<bool> CatchUpAsync(CancellationToken ct = default)
    {
        await _catchUpGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var reached = true;
            long copied = 0;
            foreach (var pid in _pending.Keys.Order(StringComparer.Ordinal).ToArray())
            {
                var held = await LockAsync([pid], ct).ConfigureAwait(false);
                try
                {
                    var entries = new List<JournalEntry>();
                    await _local.ReplayAsync(pid, 1, long.MaxValue, long.MaxValue, entries.Add, ct).ConfigureAwait(false);
                    foreach (var chunk in entries.Chunk(Math.Max(1, _options.CatchUpBatch)))
                        await WithTimeoutAsync(token => _primary.WriteAsync([chunk], token), _options.WriteTimeout, ct).ConfigureAwait(false);
                    if (entries.Count > 0)
                        await _local.DeleteToAsync(pid, entries[^1].SequenceNr, ct).ConfigureAwait(false);
                    _pending.TryRemove(pid, out _);
                    copied += entries.Count;
                }
                catch (JournalConflictException ex)
                {
                    // Another writer stored these sequence numbers in the primary: keep the local
                    // copies (writes of this id stay local) for the operator to resolve.
                    LogCatchUpConflict(_logger, pid, ex.SequenceNr, ex.Message);
                }
                catch (Exception ex) when (IsPrimaryFailure(ex, ct))
                {
                    LogCatchUpFailed(_logger, pid, ex.Message);
                    reached = false;
                    break;
                }
                finally
                {
                    held[0].Release();
                }
            }

            if (reached && _failedOver)
            {
                _failedOver = false;
                LogRestored(_logger, copied);
            }
            return reached;
        }
        finally
        {
            _catchUpGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _catchUpLoop.ConfigureAwait(false);
        _stop.Dispose();
        await _local.DisposeAsync().ConfigureAwait(false);
        await _primary.DisposeAsync().ConfigureAwait(false);
    }

    private async Task CatchUpLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.CatchUpInterval, _time, _stop.Token).ConfigureAwait(false);
                if (_failedOver || !_pending.IsEmpty) await CatchUpAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Local replay or delete failed: say so and try again next round.
                LogCatchUpFailed(_logger, "(all)", ex.Message);
            }
        }
    }

    private void FailOver(Exception ex)
    {
        if (_failedOver) return;
        _failedOver = true;
        LogFailedOver(_logger, ex.GetType().Name, ex.Message, _local.Directory);
    }

    /// <summary>Anything but a conflict (a real refusal) or the caller's own cancellation sends writes local.</summary>
    private static bool IsPrimaryFailure(Exception ex, CancellationToken ct) =>
        ex is not JournalConflictException && !(ex is OperationCanceledException && ct.IsCancellationRequested);

    private async Task WithTimeoutAsync(Func<CancellationToken, Task> operation, TimeSpan timeout, CancellationToken ct, Action? onTimeout = null)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Task task;
        try
        {
            task = operation(cts.Token);
        }
        catch
        {
            cts.Dispose();
            throw;
        }
        var abandoned = false;
        try
        {
            await task.WaitAsync(timeout, _time, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            abandoned = true;
            onTimeout?.Invoke();
            await cts.CancelAsync().ConfigureAwait(false);
            // The abandoned operation may still finish or fail; observe it so its fault is not unobserved.
            _ = task.ContinueWith(t => { _ = t.Exception; cts.Dispose(); }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw new TimeoutException($"The primary journal store did not answer within {timeout.TotalMilliseconds:0} ms.");
        }
        finally
        {
            if (!abandoned) cts.Dispose();
        }
    }

    private async Task<SemaphoreSlim[]> LockAsync(IReadOnlyList<string> pids, CancellationToken ct)
    {
        var held = new SemaphoreSlim[pids.Count];
        var taken = 0;
        try
        {
            for (; taken < pids.Count; taken++)
            {
                var l = _locks.GetOrAdd(pids[taken], _ => new SemaphoreSlim(1, 1));
                await l.WaitAsync(ct).ConfigureAwait(false);
                held[taken] = l;
            }
            return held;
        }
        catch
        {
            for (var i = 0; i < taken; i++) held[i].Release();
            throw;
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Primary journal store failed ({Error}: {Reason}): writes go to the local journal in {Directory} until it is caught up")]
    private static partial void LogFailedOver(ILogger logger, string error, string reason, string directory);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Primary journal store caught up ({Copied} event(s) copied from the local journal); writes go to it again")]
    private static partial void LogRestored(ILogger logger, long copied);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Warning, Message = "Catch-up of {PersistenceId} into the primary journal store failed ({Reason}); will retry")]
    private static partial void LogCatchUpFailed(ILogger logger, string persistenceId, string reason);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Error, Message = "Catch-up of {PersistenceId} conflicts with the primary at sequence number {SequenceNr} ({Reason}); its local events are kept and its writes stay local")]
    private static partial void LogCatchUpConflict(ILogger logger, string persistenceId, long sequenceNr, string reason);

    [LoggerMessage(EventId = 1305, Level = LogLevel.Information, Message = "Local journal holds events of {Count} persistence id(s) not yet in the primary: catching up")]
    private static partial void LogPendingAtStart(ILogger logger, int count);
}
