namespace Lemegeton.Core.States;

/// <summary>The outcome of <see cref="PrStateMachine.Transition"/>. The machine is stateless: the caller persists.</summary>
public sealed record TransitionResult
{
    public required bool Success { get; init; }
    public required string PrId { get; init; }
    public required PrState From { get; init; }
    /// <summary>The requested target (on failure the PR stays in <see cref="From"/>).</summary>
    public required PrState To { get; init; }
    public TransitionError? ErrorKind { get; init; }
    /// <summary>What went wrong and what to do, naming the allowed targets; null on success.</summary>
    public string? Error { get; init; }
    /// <summary>The states the PR may move to from <see cref="From"/>.</summary>
    public required IReadOnlyList<PrState> AllowedTargets { get; init; }
    /// <summary>The rule applied; null for a same-state no-op or a failure.</summary>
    public TransitionRule? Rule { get; init; }
    /// <summary>True when the move must be committed to git (its target is a cold state different from its source).</summary>
    public bool NeedsCommit { get; init; }
    /// <summary>Every resulting transition, the requested one first, each with its reason; empty on failure and for no-ops.</summary>
    public IReadOnlyList<CascadedTransition> Cascade { get; init; } = [];

    /// <summary>The state the PR is in after the call.</summary>
    public PrState NewState => Success ? To : From;

    /// <summary>
    /// The git commit message for a committed move: <c>PR-005: in-progress → completed</c>, a blank
    /// line and the rule's description, then <c>Reason: …</c> when one was given.
    /// </summary>
    public string? CommitMessage(string? reason = null)
    {
        if (!Success || !NeedsCommit || Rule is null) return null;
        var message = $"{PrId}: {From} → {To}\n\n{Rule.Description}";
        return string.IsNullOrWhiteSpace(reason) ? message : $"{message}\n\nReason: {reason}";
    }
}
