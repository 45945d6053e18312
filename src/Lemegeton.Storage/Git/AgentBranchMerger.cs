using LibGit2Sharp;
using Microsoft.Extensions.Logging;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Lemegeton.Storage.Git;

/// <summary>
/// After degraded mode, merges the agents' branches (<c>agent-{agent}-{pr}</c>) back into the branch
/// HEAD points at, each with its own merge commit (<c>--no-ff</c>), in-process with LibGit2Sharp. Each
/// branch is first merged in memory: a branch that conflicts is left exactly as it is (nothing in the
/// working tree, the index or any ref changes) and reported with its conflicting paths. A clean one is
/// merged for real (working tree and index follow, as <c>git merge --no-ff</c> does) and the branch is
/// deleted; a branch already contained in HEAD is just deleted. A user's uncommitted change in the way
/// is reported like a conflict, never overwritten.
/// </summary>
public sealed partial class AgentBranchMerger(string repositoryRoot, GitMirrorOptions options, ILogger<AgentBranchMerger> logger)
{
    public const string Prefix = "agent-";

    public string RepositoryRoot { get; } = Path.GetFullPath(repositoryRoot);

    /// <summary>Merges every <c>agent-*</c> branch, oldest name first; <paramref name="prIds"/> names the PRs the branches may belong to.</summary>
    /// <exception cref="GitMirrorException">No repository, or the user is in the middle of a merge, rebase, …</exception>
    public Task<IReadOnlyList<AgentBranchMergeResult>> MergeAllAsync(IReadOnlyCollection<string> prIds, CancellationToken ct = default) =>
        Task.Run(() => MergeAll(prIds), ct);

    private IReadOnlyList<AgentBranchMergeResult> MergeAll(IReadOnlyCollection<string> prIds)
    {
        using var repo = Open();
        if (repo.Info.CurrentOperation != CurrentOperation.None)
            throw new GitMirrorException($"Cannot merge the agent branches in {RepositoryRoot}: a {repo.Info.CurrentOperation} is in progress; finish or abort it.");
        if (repo.Info.IsHeadUnborn || repo.Info.IsHeadDetached)
            throw new GitMirrorException($"Cannot merge the agent branches in {RepositoryRoot}: HEAD is not on a branch.");
        var results = new List<AgentBranchMergeResult>();
        var branches = repo.Branches.Where(b => !b.IsRemote && b.FriendlyName.StartsWith(Prefix, StringComparison.Ordinal) && !b.IsCurrentRepositoryHead)
            .OrderBy(b => b.FriendlyName, StringComparer.Ordinal).ToList();
        foreach (var branch in branches)
        {
            var prId = prIds.Where(id => branch.FriendlyName.EndsWith("-" + id, StringComparison.Ordinal)).MaxBy(id => id.Length);
            results.Add(MergeOne(repo, branch, prId));
        }
        return results;
    }

    private AgentBranchMergeResult MergeOne(Repository repo, Branch branch, string? prId)
    {
        var name = branch.FriendlyName;
        var head = repo.Head.Tip;
        var tip = branch.Tip;
        if (repo.ObjectDatabase.FindMergeBase(head, tip) is { } baseCommit && baseCommit.Sha == tip.Sha)
        {
            repo.Branches.Remove(branch);
            LogAlreadyMerged(logger, name);
            return new AgentBranchMergeResult(name, prId, head.Sha, [], null);
        }
        var trial = repo.ObjectDatabase.MergeCommits(head, tip, new MergeTreeOptions());
        if (trial.Status == MergeTreeStatus.Conflicts)
        {
            var paths = trial.Conflicts.Select(c => (c.Ours ?? c.Theirs ?? c.Ancestor).Path).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            LogConflicted(logger, name, string.Join(", ", paths));
            return new AgentBranchMergeResult(name, prId, null, paths, "conflicts with " + repo.Head.FriendlyName);
        }
        var who = new Signature(options.AuthorName, options.AuthorEmail, DateTimeOffset.Now);
        try
        {
            using var inFlight = GitLocksInFlight.Enter(repo.Info.Path,
                GitLocksInFlight.LocksOf(repo.Info.Path, repo.Refs.Head.ResolveToDirectReference().CanonicalName, branch.CanonicalName));
            var merged = repo.Merge(branch, who, new MergeOptions
            {
                FastForwardStrategy = FastForwardStrategy.NoFastForward,
                FailOnConflict = true,
                CommitOnSuccess = true,
            });
            if (merged.Status != MergeStatus.NonFastForward || merged.Commit is null)
                return new AgentBranchMergeResult(name, prId, null, [], $"merge ended as {merged.Status}");
            repo.Branches.Remove(branch);
            LogMerged(logger, name, merged.Commit.Sha);
            return new AgentBranchMergeResult(name, prId, merged.Commit.Sha, [], null);
        }
        catch (CheckoutConflictException ex)
        {
            LogConflicted(logger, name, ex.Message);
            return new AgentBranchMergeResult(name, prId, null, [], "uncommitted changes in the working tree are in the way: " + ex.Message);
        }
    }

    private Repository Open()
    {
        try
        {
            // Lock files a merge cut short by a kill leaves are removed by the TaskListGitMirror, which opens the repository first at start.
            return new Repository(RepositoryRoot);
        }
        catch (RepositoryNotFoundException ex)
        {
            throw new GitMirrorException($"{RepositoryRoot} is not a git repository ({ex.Message}).", ex);
        }
    }

    [LoggerMessage(EventId = 1511, Level = LogLevel.Information, Message = "Merged agent branch {Branch} as {Commit}")]
    private static partial void LogMerged(ILogger logger, string branch, string commit);

    [LoggerMessage(EventId = 1512, Level = LogLevel.Warning, Message = "Agent branch {Branch} left unmerged: {Conflicts}")]
    private static partial void LogConflicted(ILogger logger, string branch, string conflicts);

    [LoggerMessage(EventId = 1513, Level = LogLevel.Information, Message = "Agent branch {Branch} was already merged; deleted it")]
    private static partial void LogAlreadyMerged(ILogger logger, string branch);
}
