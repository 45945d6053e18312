using Lemegeton.Core.TaskList;

namespace Lemegeton.Storage.Sync;

/// <summary>
/// What the hub starts from: cold state from the task list at HEAD, hot state from snapshot +
/// journal after reconciliation, and what reconciliation changed.
/// </summary>
public sealed record HydrationReport(
    TaskListDocument ColdState,
    HotStateView HotState,
    IReadOnlyList<ReconciliationAction> Actions,
    long SnapshotSeq,
    int EventsReplayed);
