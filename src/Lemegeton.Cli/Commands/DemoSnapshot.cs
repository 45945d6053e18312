using Lemegeton.Hub.Actors;
using Lemegeton.Hub.Admin;

namespace Lemegeton.Cli.Commands;

/// <summary>One poll of the hub's admin API during the demo.</summary>
/// <param name="Elapsed">Time since the demo started.</param>
public sealed record DemoSnapshot(TimeSpan Elapsed, HubStatus Status, IReadOnlyList<PrView> Prs, IReadOnlyList<AgentView> Agents, IReadOnlyList<LeaseView> Leases)
{
    /// <summary>PRs in a final cold state for the demo: completed (no QC agent runs) or approved.</summary>
    public int Completed => Prs.Count(p => IsDone(p.ColdState) && p.HotState is null);

    /// <summary>PRs an agent works on now.</summary>
    public IReadOnlyList<PrView> Running => [.. Prs.Where(p => p.HotState is not null)];

    public static bool IsDone(string coldState) => coldState is "completed" or "approved";
}
