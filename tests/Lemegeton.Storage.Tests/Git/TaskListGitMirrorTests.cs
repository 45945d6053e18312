using Lemegeton.Core.States;
using Lemegeton.Storage.Git;
using Lemegeton.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lemegeton.Storage.Tests.Git;

public sealed class TaskListGitMirrorTests : IAsyncLifetime
{
    private TestRepository _repo = null!;

    public async Task InitializeAsync() => _repo = await TestRepository.CreateAsync();

    public Task DisposeAsync()
    {
        _repo.Dispose();
        return Task.CompletedTask;
    }

    private TaskListGitMirror Mirror(GitMirrorOptions? options = null) =>
        new(_repo.Root, options ?? new GitMirrorOptions { TaskListPath = TestRepository.TaskList }, TimeProvider.System, NullLogger<TaskListGitMirror>.Instance);

    private static readonly ColdTransition Completed =
        new("PR-001", HotState.InProgress, ColdState.Completed, "agent-7", "tests pass", 42);

    [Fact]
    public async Task Commits_only_the_task_list_and_leaves_the_users_changes_exactly_as_they_were()
    {
        // The user: an unstaged edit, a staged edit, a staged new file, and an unsaved note in the task list itself.
        _repo.Write("src/a.txt", "a changed, not staged\n");
        _repo.Write("src/b.txt", "b changed and staged\n");
        _repo.Write("src/new.txt", "new and staged\n");
        await _repo.RunAsync("add", "src/b.txt", "src/new.txt");
        _repo.Write(TestRepository.TaskList, _repo.Read(TestRepository.TaskList).Replace("Add the Widget entity with validation.", "Add the Widget entity with validation. (user note)"));
        var stagedBefore = await _repo.RunAsync("diff", "--cached");
        var unstagedOtherBefore = await _repo.RunAsync("diff", "--", "src");
        var headBefore = (await _repo.RunAsync("rev-parse", "HEAD")).Trim();

        var commit = await Mirror().CommitAsync(Completed);

        Assert.NotNull(commit);
        Assert.Equal(commit, (await _repo.RunAsync("rev-parse", "HEAD")).Trim());
        Assert.Equal(headBefore, (await _repo.RunAsync("rev-parse", "HEAD~1")).Trim());
        Assert.Equal(TestRepository.TaskList, (await _repo.RunAsync("diff-tree", "--no-commit-id", "--name-only", "-r", "HEAD")).Trim());
        var diff = await _repo.RunAsync("diff", "HEAD~1", "HEAD", "--unified=0");
        Assert.Contains("-cold_state: ready", diff);
        Assert.Contains("+cold_state: completed", diff);
        Assert.DoesNotContain("user note", diff);

        Assert.Equal(stagedBefore, await _repo.RunAsync("diff", "--cached"));
        Assert.Equal(unstagedOtherBefore, await _repo.RunAsync("diff", "--", "src"));
        var working = _repo.Read(TestRepository.TaskList);
        Assert.Contains("(user note)", working);
        Assert.Equal(1, working.Split("cold_state: completed").Length - 1);
        Assert.Equal(" M docs/task-list.md", (await _repo.RunAsync("status", "--porcelain", "--", TestRepository.TaskList)).TrimEnd());
    }

    [Fact]
    public async Task The_message_names_the_transition_agent_reason_and_fencing_token()
    {
        await Mirror().CommitAsync(Completed);

        var message = await _repo.RunAsync("log", "-1", "--format=%B");
        Assert.Equal("PR-001: in-progress → completed\n\nAgent: agent-7\nReason: tests pass\nFencing-Token: 42\n", message.TrimEnd('\n') + "\n");
        Assert.Equal("Lemegeton Hub <hub@lemegeton.invalid>", (await _repo.RunAsync("log", "-1", "--format=%an <%ae>")).Trim());

        await Mirror(new GitMirrorOptions { TaskListPath = TestRepository.TaskList, AuthorName = "Ops Bot", AuthorEmail = "ops@example.com" })
            .CommitAsync(new ColdTransition("PR-003", ColdState.Ready, ColdState.Blocked));
        Assert.Equal("Ops Bot <ops@example.com>", (await _repo.RunAsync("log", "-1", "--format=%an <%ae>")).Trim());
        Assert.Equal("PR-003: ready → blocked", (await _repo.RunAsync("log", "-1", "--format=%B")).Trim());
    }

    [Fact]
    public async Task A_clean_working_copy_stays_clean()
    {
        await Mirror().CommitAsync(Completed);

        Assert.Equal("", (await _repo.RunAsync("status", "--porcelain")).Trim());
        Assert.Contains("cold_state: completed", _repo.Read(TestRepository.TaskList));
    }

    [Fact]
    public async Task Nothing_is_committed_when_head_already_has_the_state()
    {
        var head = (await _repo.RunAsync("rev-parse", "HEAD")).Trim();

        Assert.Null(await Mirror().CommitAsync(new ColdTransition("PR-001", ColdState.Ready, ColdState.Ready)));
        Assert.Equal(head, (await _repo.RunAsync("rev-parse", "HEAD")).Trim());
    }

    [Fact]
    public async Task An_unknown_pr_is_refused_naming_it_and_the_file()
    {
        var ex = await Assert.ThrowsAsync<KeyNotFoundException>(() => Mirror().CommitAsync(new ColdTransition("PR-999", ColdState.New, ColdState.Ready)));
        Assert.Contains("PR-999", ex.Message);
        Assert.Contains(TestRepository.TaskList, ex.Message);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task During_a_users_merge_it_waits_and_commits_once_the_merge_is_over()
    {
        await _repo.CommitConflictingFeatureBranchAsync();
        var conflicted = await _repo.Git.TryRunAsync(["merge", "feature"]);
        Assert.False(conflicted.Succeeded);
        var head = (await _repo.RunAsync("rev-parse", "HEAD")).Trim();

        var mirror = Mirror(new GitMirrorOptions { TaskListPath = TestRepository.TaskList, BusyRetryInterval = TimeSpan.FromMilliseconds(20) });
        var waiting = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        mirror.WaitingForUser += op => waiting.TrySetResult(op);
        var commit = mirror.CommitAsync(Completed);

        Assert.Equal("merge", await waiting.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(commit.IsCompleted);
        Assert.Equal(head, (await _repo.RunAsync("rev-parse", "HEAD")).Trim());

        await _repo.RunAsync("merge", "--abort");
        var id = await commit.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(id, (await _repo.RunAsync("rev-parse", "HEAD")).Trim());
        Assert.Equal(head, (await _repo.RunAsync("rev-parse", "HEAD~1")).Trim());
    }

    [Fact]
    public async Task Reading_head_gives_the_committed_cold_states()
    {
        _repo.Write(TestRepository.TaskList, _repo.Read(TestRepository.TaskList).Replace("cold_state: blocked", "cold_state: broken"));

        var doc = await Mirror().ReadHeadAsync();

        Assert.True(doc.TryGet("PR-002", out var pr));
        Assert.Equal(ColdState.Blocked, pr.ColdState);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_cherry_pick_that_outlasts_busy_max_wait_fails_naming_it_and_leaves_head_alone()
    {
        await _repo.CommitConflictingFeatureBranchAsync();
        Assert.False((await _repo.Git.TryRunAsync(["cherry-pick", "feature"])).Succeeded);
        var head = (await _repo.RunAsync("rev-parse", "HEAD")).Trim();
        var clock = new ObservedTimeProvider();
        var interval = TimeSpan.FromSeconds(2);
        var mirror = new TaskListGitMirror(_repo.Root,
            new GitMirrorOptions { TaskListPath = TestRepository.TaskList, BusyRetryInterval = interval, BusyMaxWait = TimeSpan.FromSeconds(5) },
            clock, NullLogger<TaskListGitMirror>.Instance);
        var operations = new List<string>();
        mirror.WaitingForUser += operations.Add;

        var commit = mirror.CommitAsync(Completed);
        for (var i = 0; i < 3; i++)
        {
            await clock.WhenTimerArmedAsync(interval).WaitAsync(TimeSpan.FromSeconds(10));
            Assert.False(commit.IsCompleted);
            clock.Advance(interval);
        }

        var ex = await Assert.ThrowsAsync<GitMirrorException>(() => commit.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("cherry-pick", ex.Message);
        Assert.Contains(_repo.Root, ex.Message);
        Assert.Equal(["cherry-pick", "cherry-pick", "cherry-pick"], operations);
        Assert.Equal(head, (await _repo.RunAsync("rev-parse", "HEAD")).Trim());
    }

    [Fact]
    public async Task A_task_list_missing_at_head_is_refused_naming_the_file()
    {
        var ex = await Assert.ThrowsAsync<GitMirrorException>(() =>
            Mirror(new GitMirrorOptions { TaskListPath = "docs/missing.md" }).CommitAsync(Completed));

        Assert.Contains("docs/missing.md is not committed at HEAD", ex.Message);
    }

    [Fact]
    public async Task A_folder_that_is_not_a_repository_is_refused_naming_it()
    {
        using var empty = new TempDirectory("not-a-repo");

        var ex = await Assert.ThrowsAsync<GitMirrorException>(() =>
            new TaskListGitMirror(empty.Path, new GitMirrorOptions(), TimeProvider.System, NullLogger<TaskListGitMirror>.Instance).CommitAsync(Completed));

        Assert.Contains(empty.Path, ex.Message);
        Assert.Contains("not a git repository", ex.Message);
    }
}
