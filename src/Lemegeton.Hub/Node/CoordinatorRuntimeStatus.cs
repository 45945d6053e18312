using Lemegeton.Hub.Admin;
using Lemegeton.Hub.Events;

namespace Lemegeton.Hub.Node;

/// <summary>
/// <c>/v1/status</c>'s mode and counts from the coordinator: the latest state the
/// <see cref="RuntimeStatusRefresher"/> fetched (after every persisted event, and every second).
/// </summary>
public sealed class CoordinatorRuntimeStatus(HubJournal journal) : IHubRuntimeStatus
{
    private volatile HubCounts _counts = HubCounts.None;
    private volatile string? _mode;

    /// <summary>The coordinator's mode (distributed, degraded, isolated); until its first answer, the journal's starting mode.</summary>
    public string Mode => _mode ?? journal.Mode;

    public HubCounts Counts => _counts;

    /// <summary>Counts from a state of the coordinator: live sessions, sessions holding an assignment, assignments, leased paths.</summary>
    public static HubCounts CountsOf(CoordinatorSnapshot s) => new(
        s.Agents.Count,
        s.Assignments.Select(a => a.SessionId).Distinct(StringComparer.Ordinal).Count(),
        s.Assignments.Count,
        s.Leases.Sum(l => l.Files.Count));

    public void Update(CoordinatorSnapshot state)
    {
        _counts = CountsOf(state);
        _mode = state.Mode;
    }
}
