namespace Lemegeton.Core.States;

/// <summary>One allowed PR state change (spec §3.2).</summary>
/// <param name="Number">The rule's number in the spec's table (1–23).</param>
public sealed record TransitionRule(int Number, PrState From, PrState To, string Description)
{
    /// <summary>A transition is committed to git exactly when it ends in a cold state different from its source.</summary>
    public bool NeedsCommit => To.IsCold && From != To;
}
