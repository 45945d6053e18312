using Lemegeton.Storage.Git;

namespace Lemegeton.Hub.Actors;

/// <summary>The git mirror could not commit one cold transition (the journal still holds it).</summary>
public sealed record GitCommitFailed(ColdTransition Transition, Exception Error);
