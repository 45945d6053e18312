using System.Globalization;

namespace Lemegeton.Cli.Commands;

/// <summary>The demo's closing numbers.</summary>
/// <param name="Commits">Commits added to the repository during the run (agents' work and the hub's state commits).</param>
public sealed record DemoSummary(
    int PrsCompleted,
    int PrCount,
    int Commits,
    int OverlappingPairs,
    int OverlappingPairsRunTogether,
    DemoKill? Kill,
    DemoHandOver? HandOver,
    TimeSpan WallTime)
{
    public static DemoSummary From(DemoProgress progress, int commits, TimeSpan wallTime) => new(
        progress.Last?.Completed ?? 0,
        progress.PrCount,
        commits,
        progress.Overlaps.Count,
        progress.RanTogether.Count,
        progress.Kill,
        progress.HandOver,
        wallTime);

    /// <summary>The summary as lines of plain text.</summary>
    public IReadOnlyList<string> Lines() =>
    [
        Line($"PRs completed:       {PrsCompleted}/{PrCount}"),
        Line($"commits in git:      {Commits}"),
        Line($"conflicts avoided:   {OverlappingPairs - OverlappingPairsRunTogether} of {OverlappingPairs} pairs of PRs that share files and could have run at once never ran together{(OverlappingPairsRunTogether > 0 ? $" ({OverlappingPairsRunTogether} did!)" : "")}"),
        Kill is null
            ? "reassignment:        no agent was seen mid-PR, so none was killed"
            : HandOver is null
                ? Line($"reassignment:        {Kill.PrId} of the killed {Kill.AgentId} was not seen with another agent")
                : Line($"reassignment:        {HandOver.PrId} handed from {HandOver.FromAgentId} (killed) to {HandOver.ToAgentId ?? "another agent"} in {HandOver.After.TotalSeconds:0.0} s"),
        Line($"wall time:           {WallTime.TotalSeconds:0.0} s"),
    ];

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
