using Lemegeton.Storage.Git;

namespace Lemegeton.Hub.Actors;

/// <summary>Coordinator → state sync: commit this cold transition (number <see cref="Id"/> in journal order) to git.</summary>
public sealed record CommitColdTransition(long Id, ColdTransition Transition);
