using Lemegeton.Storage.Git;

namespace Lemegeton.Hub.Actors;

/// <summary>State sync → coordinator: each agent branch merged or left unmerged; <see cref="Error"/> when none could be tried.</summary>
public sealed record AgentBranchesMerged(IReadOnlyList<AgentBranchMergeResult> Results, string? Error);
