namespace Lemegeton.Core.States;

/// <summary>A cold transition the journal holds and git may lack.</summary>
/// <param name="From">The PR's cold state before the transition (what git still shows if the commit is missing); a hot state when only that is known.</param>
public sealed record UncommittedTransition(string PrId, PrState From, ColdState To);
