namespace Lemegeton.Core.Scheduling;

/// <summary>Scheduler settings (HOCON <c>lemegeton.scheduler</c>).</summary>
public sealed record SchedulerOptions
{
    /// <summary>At most this many PRs run at once, running ones included. Default 10.</summary>
    public int MaxParallelPrs { get; init; } = 10;

    /// <summary>Candidate order. Default priority → complexity → id; <see cref="OrderKey.Id"/> is always appended as the final tie-breaker.</summary>
    public IReadOnlyList<OrderKey> Order { get; init; } = [OrderKey.Priority, OrderKey.Complexity, OrderKey.Id];

    /// <summary>How a PR picks among fitting agents. Default <see cref="AssignmentStrategy.CapabilityMatched"/>.</summary>
    public AssignmentStrategy Strategy { get; init; } = AssignmentStrategy.CapabilityMatched;
}
