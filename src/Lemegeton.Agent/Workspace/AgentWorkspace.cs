namespace Lemegeton.Agent.Workspace;

/// <summary>
/// Where one agent's commands run. Shared mode: the repository itself (on its checked-out branch, or on
/// the branch the assignment names, returning to the original branch afterwards). Worktree mode
/// (<c>--worktree</c>): the agent's own git worktree at <c>.lemegeton/worktrees/{agentId}</c>, created on
/// first use and removed when the agent stops; each PR gets a branch (<c>agent-{agentId}-{prId}</c>
/// unless the hub names one) started from the repository's HEAD of that moment, so agents on one machine
/// never share a working tree or an index.
/// </summary>
public sealed class AgentWorkspace
{
    private readonly string _agentId;
    private string? _returnTo;

    private AgentWorkspace(string repositoryRoot, string directory, string agentId, bool isWorktree)
    {
        RepositoryRoot = repositoryRoot;
        Directory = directory;
        _agentId = agentId;
        IsWorktree = isWorktree;
    }

    public string RepositoryRoot { get; }

    /// <summary>The working directory of the agent's commands.</summary>
    public string Directory { get; }

    public bool IsWorktree { get; }

    public static AgentWorkspace Shared(string repositoryRoot, string agentId) => new(repositoryRoot, repositoryRoot, agentId, false);

    public static string WorktreePath(string repositoryRoot, string agentId) =>
        Path.Combine(repositoryRoot, ".lemegeton", "worktrees", agentId);

    /// <summary>Creates (or takes back, after a crash) the agent's worktree.</summary>
    /// <exception cref="InvalidOperationException">git refused; the message carries git's own.</exception>
    public static async Task<AgentWorkspace> WorktreeAsync(string repositoryRoot, string agentId)
    {
        var path = WorktreePath(repositoryRoot, agentId);
        await GitCli.RunAsync(repositoryRoot, "worktree", "prune").ConfigureAwait(false);
        if (System.IO.Directory.Exists(path) && await GitCli.HeadAsync(path).ConfigureAwait(false) is not null
            && File.Exists(Path.Combine(path, ".git")))
        {
            return new AgentWorkspace(repositoryRoot, path, agentId, true);
        }
        if (System.IO.Directory.Exists(path)) System.IO.Directory.Delete(path, recursive: true);
        var add = await GitCli.RunAsync(repositoryRoot, "worktree", "add", "--detach", path, "HEAD").ConfigureAwait(false);
        if (!add.Ok) throw new InvalidOperationException($"git worktree add {path} failed: {add.Error}");
        return new AgentWorkspace(repositoryRoot, path, agentId, true);
    }

    /// <summary>Gets the working directory ready for a PR; returns the branch the work goes on.</summary>
    public async Task<string?> PrepareAsync(string prId, string? branch)
    {
        if (IsWorktree)
        {
            branch ??= $"agent-{_agentId}-{prId}";
            var head = await GitCli.HeadAsync(RepositoryRoot).ConfigureAwait(false) ?? "HEAD";
            var checkout = await GitCli.RunAsync(Directory, "checkout", "-q", "-f", "-B", branch, head).ConfigureAwait(false);
            if (!checkout.Ok) throw new InvalidOperationException($"git checkout -B {branch} in {Directory} failed: {checkout.Error}");
            await GitCli.RunAsync(Directory, "clean", "-q", "-f", "-d").ConfigureAwait(false);
            return branch;
        }
        var current = await GitCli.BranchAsync(Directory).ConfigureAwait(false);
        if (branch is null || branch == current) return current;
        _returnTo = current;
        var r = await GitCli.RunAsync(Directory, "checkout", "-q", "-B", branch).ConfigureAwait(false);
        if (!r.Ok) throw new InvalidOperationException($"git checkout -B {branch} in {Directory} failed: {r.Error}");
        return branch;
    }

    /// <summary>After a PR: in shared mode, back to the branch checked out before it.</summary>
    public async Task FinishAsync()
    {
        if (_returnTo is not { } original) return;
        _returnTo = null;
        await GitCli.RunAsync(Directory, "checkout", "-q", original).ConfigureAwait(false);
    }

    /// <summary>Removes the worktree (the agent stops); its branches stay.</summary>
    public async Task RemoveAsync()
    {
        if (!IsWorktree) return;
        await GitCli.RunAsync(RepositoryRoot, "worktree", "remove", "--force", Directory).ConfigureAwait(false);
        await GitCli.RunAsync(RepositoryRoot, "worktree", "prune").ConfigureAwait(false);
    }
}
