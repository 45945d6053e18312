namespace Lemegeton.Storage.Git;

/// <summary>
/// One agent branch after <see cref="AgentBranchMerger.MergeAllAsync"/>: merged as <see cref="Commit"/>
/// (the branch deleted), or left unmerged because of <see cref="Conflicts"/> (paths) or <see cref="Error"/>.
/// </summary>
/// <param name="Branch">The branch, e.g. <c>agent-w1-PR-004</c>.</param>
/// <param name="PrId">The PR the branch belongs to (its name's suffix), or null when no known PR matches.</param>
public sealed record AgentBranchMergeResult(string Branch, string? PrId, string? Commit, IReadOnlyList<string> Conflicts, string? Error)
{
    public bool Merged => Commit is not null;
}
