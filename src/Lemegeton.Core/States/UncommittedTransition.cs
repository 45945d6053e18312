namespace Lemegeton.Core.States;

/// <summary>A cold transition the journal holds and git may lack.</summary>
public sealed record UncommittedTransition(string PrId, PrState From, ColdState To);
