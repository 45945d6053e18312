using Lemegeton.Core.States;
using Lemegeton.Storage.Git;
using Lemegeton.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lemegeton.Storage.Tests.Git;

/// <summary>
/// The user commits while the hub is committing: the hub's commit must end on top of the user's,
/// never replace it (libgit2's ref update alone would: it is not compare-and-swap).
/// </summary>
public sealed class TaskListGitMirrorRaceTests : IAsyncLifetime
{
    private TestRepository _repo = null!;

    public async Task InitializeAsync() => _repo = await TestRepository.CreateAsync();

    public Task DisposeAsync()
    {
        _repo.Dispose();
        return Task.CompletedTask;
    }

    private TaskListGitMirror Mirror() =>
        new(_repo.Root, new GitMirrorOptions { TaskListPath = TestRepository.TaskList }, TimeProvider.System, NullLogger<TaskListGitMirror>.Instance);

    private static readonly ColdTransition Completed = new("PR-001", HotState.InProgress, ColdState.Completed);

    /// <summary>The user's <c>git commit</c> of another file, run once from inside the mirror's attempt.</summary>
    private Action UserCommitsOnce(Action<string> recordCommit)
    {
        var done = false;
        return () =>
        {
            if (done) return;
            done = true;
            _repo.Write("src/a.txt", "the user's commit\n");
            _repo.RunAsync("commit", "-q", "-am", "user commit").GetAwaiter().GetResult();
            recordCommit(_repo.RunAsync("rev-parse", "HEAD").GetAwaiter().GetResult().Trim());
        };
    }

    private async Task AssertHubCommitSitsOnTopOf(string userCommit, string? hubCommit)
    {
        Assert.Equal(hubCommit, (await _repo.RunAsync("rev-parse", "HEAD")).Trim());
        Assert.Equal(userCommit, (await _repo.RunAsync("rev-parse", "HEAD~1")).Trim());
        Assert.Equal("the user's commit\n", await _repo.RunAsync("show", "HEAD:src/a.txt"));
        Assert.Contains("cold_state: completed", await _repo.RunAsync("show", "HEAD:" + TestRepository.TaskList));
        Assert.Equal(TestRepository.TaskList, (await _repo.RunAsync("diff-tree", "--no-commit-id", "--name-only", "-r", "HEAD")).Trim());
        Assert.Equal("", (await _repo.RunAsync("status", "--porcelain")).Trim());
    }

    [Fact]
    public async Task A_user_commit_after_the_hub_built_its_commit_makes_it_build_again_on_the_new_head()
    {
        string? user = null;
        var mirror = Mirror();
        mirror.AfterCommitBuilt = UserCommitsOnce(c => user = c);

        var commit = await mirror.CommitAsync(Completed);

        Assert.NotNull(user);
        await AssertHubCommitSitsOnTopOf(user, commit);
        Assert.Equal("2", (await _repo.RunAsync("rev-list", "--count", "main~1")).Trim()); // initial + user: no stray hub commit
    }

    [Fact]
    public async Task A_user_commit_that_lands_between_the_recheck_and_the_ref_update_is_put_back_and_built_upon()
    {
        string? user = null;
        var mirror = Mirror();
        mirror.AfterTipRechecked = UserCommitsOnce(c => user = c);

        var commit = await mirror.CommitAsync(Completed);

        Assert.NotNull(user);
        await AssertHubCommitSitsOnTopOf(user, commit);
    }

    [Fact]
    public async Task In_a_linked_worktree_the_overwritten_user_commit_is_found_in_the_shared_reflog_and_put_back()
    {
        using var parent = new TempDirectory("worktree");
        var root = Path.Combine(parent.Path, "side");
        await _repo.RunAsync("worktree", "add", "-q", "-b", "side", root);
        var side = new GitCli(root, TimeSpan.FromSeconds(30));
        string? user = null;
        var mirror = new TaskListGitMirror(root, new GitMirrorOptions { TaskListPath = TestRepository.TaskList }, TimeProvider.System, NullLogger<TaskListGitMirror>.Instance);
        var done = false;
        mirror.AfterTipRechecked = () =>
        {
            if (done) return;
            done = true;
            File.WriteAllText(Path.Combine(root, "src", "a.txt"), "the user's commit\n");
            side.RunAsync(["commit", "-q", "-am", "user commit"]).GetAwaiter().GetResult();
            user = side.RunAsync(["rev-parse", "HEAD"]).GetAwaiter().GetResult().Trim();
        };

        var commit = await mirror.CommitAsync(Completed);

        Assert.NotNull(user);
        Assert.Equal(commit, (await side.RunAsync(["rev-parse", "side"])).Trim());
        Assert.Equal(user, (await side.RunAsync(["rev-parse", "side~1"])).Trim());
        Assert.Equal("", (await side.RunAsync(["status", "--porcelain"])).Trim());
        await _repo.RunAsync("worktree", "remove", "--force", root);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_merge_the_user_starts_while_the_hub_builds_its_commit_is_waited_for()
    {
        await _repo.CommitConflictingFeatureBranchAsync();
        var head = (await _repo.RunAsync("rev-parse", "HEAD")).Trim();
        var mirror = new TaskListGitMirror(_repo.Root,
            new GitMirrorOptions { TaskListPath = TestRepository.TaskList, BusyRetryInterval = TimeSpan.FromMilliseconds(20) },
            TimeProvider.System, NullLogger<TaskListGitMirror>.Instance);
        var started = false;
        mirror.AfterCommitBuilt = () =>
        {
            if (started) return;
            started = true;
            Assert.False(_repo.Git.TryRunAsync(["merge", "feature"]).GetAwaiter().GetResult().Succeeded);
        };
        var waiting = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        mirror.WaitingForUser += op => waiting.TrySetResult(op);

        var commit = mirror.CommitAsync(Completed);

        Assert.Equal("merge", await waiting.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(head, (await _repo.RunAsync("rev-parse", "HEAD")).Trim());
        await _repo.RunAsync("merge", "--abort");
        var id = await commit.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(id, (await _repo.RunAsync("rev-parse", "HEAD")).Trim());
        Assert.Equal(head, (await _repo.RunAsync("rev-parse", "HEAD~1")).Trim());
    }
}
