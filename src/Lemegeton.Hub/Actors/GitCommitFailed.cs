using Lemegeton.Storage.Git;

namespace Lemegeton.Hub.Actors;

/// <summary>The git mirror could not commit one cold transition after its retries (the journal still holds it; it is tried again on the next start).</summary>
public sealed record GitCommitFailed(ColdTransition Transition, Exception Error, long TransitionId = 0);
