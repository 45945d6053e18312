namespace Lemegeton.Core.Scheduling;

/// <summary>
/// One scheduling decision: the PRs to start now and, for every other PR that is neither running nor
/// approved, why it waits. Assignments come in the order they were chosen (the candidate order).
/// </summary>
public sealed record ScheduleDecision(IReadOnlyList<Assignment> Assignments, IReadOnlyList<WaitingPr> Waiting)
{
    /// <summary>How many PRs were running when the decision was taken.</summary>
    public int RunningCount { get; init; }
}
