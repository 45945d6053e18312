using Lemegeton.Storage.Git;
using Lemegeton.Storage.Journal;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Storage.Sync;

/// <summary>
/// Start-up hydration (spec §8.4, git wins): cold state from the task list at HEAD, hot state
/// from the latest snapshot plus the journal after it, then reconciliation, whose repairs are
/// journaled like any other change.
/// </summary>
public sealed partial class StateHydrator(TaskListGitMirror git, ISnapshotStore snapshots, IJournal journal, TimeProvider time, ILogger<StateHydrator> logger)
{
    public async Task<HydrationReport> HydrateAsync(CancellationToken ct = default)
    {
        var cold = await git.ReadHeadAsync(ct).ConfigureAwait(false);
        var snapshot = await snapshots.LoadAsync(ct).ConfigureAwait(false);
        var hot = HotStateView.FromSnapshot(snapshot);
        var replayed = 0;
        await foreach (var record in journal.ReadAsync(hot.LastSeq, ct).ConfigureAwait(false))
        {
            hot.Apply(record);
            replayed++;
        }

        var plan = Reconciler.Plan(cold, hot, time.GetUtcNow());
        foreach (var (action, e) in plan)
        {
            var seq = await journal.AppendAsync(e, ct).ConfigureAwait(false);
            hot.Apply(new JournalRecord(seq, e));
            LogRepaired(logger, action.Kind, action.Subject, action.Detail);
        }
        LogHydrated(logger, cold.Prs.Count, hot.Prs.Count, snapshot?.Seq ?? 0, replayed, plan.Count);
        return new HydrationReport(cold, hot, [.. plan.Select(p => p.Action)], snapshot?.Seq ?? 0, replayed);
    }

    [LoggerMessage(EventId = 1601, Level = LogLevel.Warning, Message = "Reconciliation {Kind} for {Subject}: {Detail}")]
    private static partial void LogRepaired(ILogger logger, ReconciliationKind kind, string subject, string detail);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Information, Message = "Hydrated {ColdCount} PR(s) from git and {HotCount} hot PR(s) from snapshot seq {SnapshotSeq} + {Replayed} event(s); {Repairs} repair(s)")]
    private static partial void LogHydrated(ILogger logger, int coldCount, int hotCount, long snapshotSeq, int replayed, int repairs);
}
