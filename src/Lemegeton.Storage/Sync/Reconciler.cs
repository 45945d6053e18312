using Lemegeton.Core.States;
using Lemegeton.Core.TaskList;
using Lemegeton.Storage.Journal;

namespace Lemegeton.Storage.Sync;

/// <summary>
/// Compares hot state with the cold state committed in git and decides the repairs (git wins):
/// the events to journal so the hot state agrees with git, and a report of each.
/// </summary>
public static class Reconciler
{
    public static IReadOnlyList<(ReconciliationAction Action, JournalEvent Event)> Plan(TaskListDocument cold, HotStateView hot, DateTimeOffset now)
    {
        var plan = new List<(ReconciliationAction, JournalEvent)>();
        var cleared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pr in hot.Prs.Values.OrderBy(p => p.PrId, StringComparer.Ordinal))
        {
            ReconciliationAction? action = null;
            if (!cold.TryGet(pr.PrId, out var committed))
                action = new(ReconciliationKind.OrphanCleared, pr.PrId, $"{pr.PrId} is {pr.State.ToWire()} in the journal but not in the task list at HEAD");
            else if (committed.ColdState is ColdState.Completed or ColdState.Approved)
                action = new(ReconciliationKind.FinishedInGitCleared, pr.PrId, $"{pr.PrId} is {pr.State.ToWire()} in the journal but {committed.ColdState.ToWire()} in git");
            else if (pr.AgentId is not null && !hot.Agents.Contains(pr.AgentId))
                action = new(ReconciliationKind.AgentGoneCleared, pr.PrId, $"{pr.PrId} was {pr.State.ToWire()} under agent {pr.AgentId}, which is gone; back to {committed.ColdState.ToWire()}");
            if (action is null) continue;
            cleared.Add(pr.PrId);
            plan.Add((action, JournalEvents.HotStateCleared(new HotStateClearedData(pr.PrId, action.Detail), now)));
        }
        foreach (var group in hot.Leases.Values
                     .Where(l => cleared.Contains(l.PrId) || !hot.Agents.Contains(l.AgentId))
                     .GroupBy(l => l.AgentId, StringComparer.Ordinal))
        {
            var files = group.Select(l => l.Path).Order(StringComparer.Ordinal).ToArray();
            plan.Add((new ReconciliationAction(ReconciliationKind.LeaseReleased, group.Key, $"released {files.Length} lease(s) of agent {group.Key}: {string.Join(", ", files)}"),
                JournalEvents.LeaseReleased(new LeaseReleasedData(group.Key, files), now)));
        }
        return plan;
    }
}
