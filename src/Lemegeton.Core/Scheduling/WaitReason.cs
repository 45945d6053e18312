namespace Lemegeton.Core.Scheduling;

/// <summary>
/// Why a PR waits: a typed <see cref="Kind"/> with its particulars, and <see cref="Text"/> for people
/// ("waiting for PR-003 (in-progress)", "conflicts with PR-007 (running on worker-2) on src/api/users.cs").
/// The text is built on demand, so a decision over thousands of PRs does not format thousands of strings.
/// </summary>
public readonly record struct WaitReason
{
    public required WaitKind Kind { get; init; }
    /// <summary>The other PR involved: the pending dependency or the conflicting PR.</summary>
    public string? OtherPrId { get; init; }
    /// <summary>The pending dependency's state (<c>in-progress</c>, <c>blocked</c>).</summary>
    public string? OtherState { get; init; }
    /// <summary>The agent holding the conflicting files.</summary>
    public string? AgentId { get; init; }
    public ConflictHolderKind? Holder { get; init; }
    /// <summary>The waiting PR's own path that conflicts.</summary>
    public string? Path { get; init; }
    /// <summary>The held path it conflicts with, when different (a directory containing it, or a file under it).</summary>
    public string? HeldPath { get; init; }
    /// <summary>The cap for <see cref="WaitKind.ParallelLimit"/>; the complexity score for <see cref="WaitKind.ComplexityTooHigh"/>.</summary>
    public int Number { get; init; }
    /// <summary>Agent types for the agent kinds; cycle members for <see cref="WaitKind.DependencyCycle"/>.</summary>
    public string? Detail { get; init; }

    public string Text => Kind switch
    {
        WaitKind.DependencyPending => $"waiting for {OtherPrId} ({OtherState})",
        WaitKind.DependencyUnknown => $"depends on {OtherPrId}, which is not in the task list; fix or remove the dependency",
        WaitKind.DependencyCycle => $"in a dependency cycle ({Detail}); remove one of the dependencies",
        WaitKind.Blocked => "blocked although every dependency is done; move it to ready",
        WaitKind.FileConflict => $"conflicts with {HolderText} on {Path}{(HeldPath is null || HeldPath == Path ? "" : $" (held: {HeldPath})")}",
        WaitKind.ParallelLimit => $"parallel PR limit ({Number}) reached",
        WaitKind.NoAgentOfType => $"no {Detail} agent is connected",
        WaitKind.NoIdleAgent => $"no idle {Detail} agent",
        WaitKind.ComplexityTooHigh => $"no idle agent can take complexity {Number}",
        _ => Kind.ToString(),
    };

    private string HolderText => Holder switch
    {
        ConflictHolderKind.RunningPr => $"{OtherPrId} (running on {AgentId})",
        ConflictHolderKind.StartingPr => $"{OtherPrId} (starting now on {AgentId})",
        _ => OtherPrId is null ? $"a lease held by {AgentId}" : $"a lease held by {AgentId} for {OtherPrId}",
    };

    public override string ToString() => Text;
}
