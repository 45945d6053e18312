using Lemegeton.Storage.Journal;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Storage.Sync;

/// <summary>
/// The hot state and its journal together: each change is journaled (acknowledged once written),
/// then applied to the view, and every <c>snapshotEvery</c> events the view is snapshotted so a
/// restart replays only the tail. Changes are recorded one at a time, in the order they happen.
/// </summary>
public sealed partial class JournaledHotState
{
    private readonly IJournal _journal;
    private readonly Func<ISnapshotStore?> _snapshots;
    private readonly int _snapshotEvery;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _serial = new(1, 1);
    private int _sinceSnapshot;

    /// <param name="snapshots">The store to snapshot into now, or null to skip snapshots for the time being.</param>
    public JournaledHotState(HotStateView view, IJournal journal, Func<ISnapshotStore?> snapshots, int snapshotEvery, TimeProvider time, ILogger<JournaledHotState> logger)
    {
        View = view;
        _journal = journal;
        _snapshots = snapshots;
        _snapshotEvery = Math.Max(1, snapshotEvery);
        _time = time;
        _logger = logger;
    }

    public HotStateView View { get; }

    /// <summary>Journals the event, applies it, and snapshots when due. Returns the event's seq.</summary>
    public async Task<long> RecordAsync(JournalEvent journalEvent, CancellationToken ct = default)
    {
        await _serial.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var seq = await _journal.AppendAsync(journalEvent, ct).ConfigureAwait(false);
            View.Apply(new JournalRecord(seq, journalEvent));
            if (++_sinceSnapshot >= _snapshotEvery && _snapshots() is { } store)
            {
                await store.SaveAsync(View.ToSnapshot(_time.GetUtcNow()), ct).ConfigureAwait(false);
                _sinceSnapshot = 0;
                LogSnapshot(_logger, View.LastSeq);
            }
            return seq;
        }
        finally
        {
            _serial.Release();
        }
    }

    [LoggerMessage(EventId = 1701, Level = LogLevel.Debug, Message = "Snapshot of hot state taken at seq {Seq}")]
    private static partial void LogSnapshot(ILogger logger, long seq);
}
