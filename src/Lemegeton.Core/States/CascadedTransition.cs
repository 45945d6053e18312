namespace Lemegeton.Core.States;

/// <summary>
/// A transition that follows from another: the first entry of <see cref="TransitionResult.Cascade"/>
/// is the requested move itself, the rest are dependents that became ready or blocked.
/// </summary>
public sealed record CascadedTransition(string PrId, PrState From, PrState To, string Reason)
{
    public bool NeedsCommit => TransitionTable.NeedsCommit(From, To);

    public override string ToString() => $"{PrId}: {From} → {To} ({Reason})";
}
