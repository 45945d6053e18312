using System.Diagnostics;
using Lemegeton.Core.States;
using Lemegeton.Storage.Git;
using Lemegeton.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lemegeton.Storage.Tests.Git;

/// <summary>
/// Git's lock files: those a hub killed in the middle of a commit left are removed by the next one
/// (they would block every git command in the repository); anyone else's are waited for, never removed.
/// </summary>
public sealed class TaskListGitMirrorLockTests : IAsyncLifetime
{
    private static readonly ColdTransition Completed = new("PR-001", HotState.InProgress, ColdState.Completed);
    private TestRepository _repo = null!;

    public async Task InitializeAsync() => _repo = await TestRepository.CreateAsync();

    public Task DisposeAsync()
    {
        _repo.Dispose();
        return Task.CompletedTask;
    }

    private string GitDir => Path.Combine(_repo.Root, ".git");

    private string BranchLock => Path.Combine(GitDir, "refs", "heads", "main.lock");

    private string IndexLock => Path.Combine(GitDir, "index.lock");

    private TaskListGitMirror Mirror(TimeSpan? retry = null) =>
        new(_repo.Root, new GitMirrorOptions { TaskListPath = TestRepository.TaskList, BusyRetryInterval = retry ?? TimeSpan.FromSeconds(2) },
            TimeProvider.System, NullLogger<TaskListGitMirror>.Instance);

    /// <summary>A real process that has ended: its id and start time name a hub that is gone.</summary>
    private static async Task<(int Pid, DateTime Started)> EndedProcessAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("sleep", ["30"]))!;
        var started = process.StartTime; // read while it runs: /proc has nothing once it is reaped
        process.Kill();
        await process.WaitForExitAsync();
        return (process.Id, started);
    }

    /// <summary>What a hub killed between taking git's locks and releasing them leaves: its marker, then the lock files.</summary>
    private void LeaveLocksOf(int pid, DateTime started)
    {
        _ = GitLocksInFlight.Enter(GitDir, GitLocksInFlight.LocksOf(GitDir, "refs/heads/main"), null, pid, started); // never disposed: killed
        File.WriteAllText(BranchLock, "");
        File.WriteAllText(IndexLock, "");
    }

    [Fact]
    public async Task Locks_left_by_a_hub_killed_mid_commit_are_removed_and_the_commit_and_the_users_git_go_on()
    {
        var (pid, started) = await EndedProcessAsync();
        LeaveLocksOf(pid, started);
        Assert.False((await _repo.Git.TryRunAsync(["commit", "--allow-empty", "-q", "-m", "blocked"])).Succeeded);

        var commit = await Mirror().CommitAsync(Completed);

        Assert.Equal(commit, (await _repo.RunAsync("rev-parse", "HEAD")).Trim());
        Assert.False(File.Exists(BranchLock));
        Assert.False(File.Exists(IndexLock));
        Assert.False(File.Exists(Path.Combine(GitDir, GitLocksInFlight.MarkerName)));
        await _repo.RunAsync("commit", "--allow-empty", "-q", "-m", "the user's next commit");
    }

    [Fact]
    public async Task Reading_head_at_start_already_clears_a_killed_hubs_locks()
    {
        var (pid, started) = await EndedProcessAsync();
        LeaveLocksOf(pid, started);

        await Mirror().ReadHeadAsync();

        Assert.False(File.Exists(BranchLock));
        await _repo.RunAsync("commit", "--allow-empty", "-q", "-m", "the user's commit");
    }

    [Fact]
    public async Task Locks_of_a_hub_still_running_are_left_alone()
    {
        using var running = Process.Start(new ProcessStartInfo("sleep", ["30"]))!;
        try
        {
            LeaveLocksOf(running.Id, running.StartTime);

            await Mirror().ReadHeadAsync();

            Assert.True(File.Exists(BranchLock));
            Assert.True(File.Exists(IndexLock));
        }
        finally
        {
            running.Kill();
        }
    }

    [Fact]
    public async Task A_lock_older_than_the_killed_hubs_marker_is_someone_elses_and_stays()
    {
        File.WriteAllText(BranchLock, "");
        File.SetLastWriteTimeUtc(BranchLock, DateTime.UtcNow - TimeSpan.FromMinutes(5));
        var (pid, started) = await EndedProcessAsync();
        _ = GitLocksInFlight.Enter(GitDir, GitLocksInFlight.LocksOf(GitDir, "refs/heads/main"), null, pid, started);

        await Mirror().ReadHeadAsync();

        Assert.True(File.Exists(BranchLock));
        Assert.False(File.Exists(Path.Combine(GitDir, GitLocksInFlight.MarkerName)));
    }

    /// <summary>
    /// What a hub killed after moving the branch, before updating the index and the working file, leaves:
    /// HEAD has its commit, the index and the file the task list before it, and its marker with the note.
    /// </summary>
    private async Task<(string Old, string New)> KilledAfterTheRefMovedAsync()
    {
        var oldText = _repo.Read(TestRepository.TaskList);
        var oldBlob = (await _repo.RunAsync("rev-parse", "HEAD:" + TestRepository.TaskList)).Trim();
        await Mirror().CommitAsync(Completed);
        var newBlob = (await _repo.RunAsync("rev-parse", "HEAD:" + TestRepository.TaskList)).Trim();
        var newText = _repo.Read(TestRepository.TaskList);
        await _repo.RunAsync("update-index", "--cacheinfo", $"100644,{oldBlob},{TestRepository.TaskList}");
        _repo.Write(TestRepository.TaskList, oldText);
        var (pid, started) = await EndedProcessAsync();
        _ = GitLocksInFlight.Enter(GitDir, GitLocksInFlight.LocksOf(GitDir, "refs/heads/main"),
            [$"task-list-sync\t{oldBlob}\t{newBlob}\t{TestRepository.TaskList}"], pid, started);
        File.WriteAllText(IndexLock, "");
        Assert.Contains("M  " + TestRepository.TaskList, await _repo.RunAsync("status", "--porcelain")); // a staged revert of the hub's commit
        return (oldText, newText);
    }

    [Fact]
    public async Task A_hub_killed_between_the_ref_update_and_the_index_update_has_the_index_and_file_brought_along_at_next_start()
    {
        var (_, newText) = await KilledAfterTheRefMovedAsync();

        await Mirror().ReadHeadAsync();

        Assert.False(File.Exists(IndexLock));
        Assert.Equal("", (await _repo.RunAsync("status", "--porcelain")).Trim());
        Assert.Equal(newText, _repo.Read(TestRepository.TaskList));
    }

    [Fact]
    public async Task After_such_a_kill_a_task_list_the_user_edited_meanwhile_is_left_and_only_the_index_is_brought_along()
    {
        var (oldText, _) = await KilledAfterTheRefMovedAsync();
        var edited = oldText + "\nA note of the user's.\n";
        _repo.Write(TestRepository.TaskList, edited);

        await Mirror().ReadHeadAsync();

        Assert.Equal(edited, _repo.Read(TestRepository.TaskList));
        Assert.Equal("", (await _repo.RunAsync("diff", "--cached")).Trim());
    }

    [Fact]
    public async Task An_index_lock_taken_by_an_agents_git_right_after_the_commit_delays_the_index_update_until_it_is_released()
    {
        var head = (await _repo.RunAsync("rev-parse", "HEAD")).Trim();
        var clock = new ObservedTimeProvider();
        var interval = TimeSpan.FromMilliseconds(25);
        var mirror = new TaskListGitMirror(_repo.Root,
            new GitMirrorOptions { TaskListPath = TestRepository.TaskList, IndexRetryInterval = interval, IndexLockMaxWait = TimeSpan.FromSeconds(5) },
            clock, NullLogger<TaskListGitMirror>.Instance);
        // After the last check, before the commit: an agent's `git add` takes the index.
        mirror.AfterTipRechecked = () => File.WriteAllText(IndexLock, "");

        var commit = mirror.CommitAsync(Completed);
        await clock.WhenTimerArmedAsync(interval).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.NotEqual(head, (await _repo.RunAsync("rev-parse", "HEAD")).Trim()); // the commit is made
        Assert.False(commit.IsCompleted);                                          // the index waits
        File.Delete(IndexLock);                                                    // the agent's git is done
        clock.Advance(interval);
        var id = await commit.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(id, (await _repo.RunAsync("rev-parse", "HEAD")).Trim());
        Assert.Equal("", (await _repo.RunAsync("status", "--porcelain")).Trim()); // no staged revert of the hub's commit
        Assert.False(File.Exists(Path.Combine(GitDir, GitLocksInFlight.MarkerName)));
    }

    [Fact]
    public async Task A_ref_lock_held_by_another_git_command_is_waited_for_then_the_commit_lands()
    {
        var head = (await _repo.RunAsync("rev-parse", "HEAD")).Trim();
        File.WriteAllText(BranchLock, "");
        var mirror = Mirror(TimeSpan.FromMilliseconds(20));
        var waiting = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        mirror.WaitingForUser += op => waiting.TrySetResult(op);

        var commit = mirror.CommitAsync(Completed);

        Assert.Contains("main.lock", await waiting.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(commit.IsCompleted);
        Assert.True(File.Exists(BranchLock));
        File.Delete(BranchLock); // the other command is done
        var id = await commit.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(id, (await _repo.RunAsync("rev-parse", "HEAD")).Trim());
        Assert.Equal(head, (await _repo.RunAsync("rev-parse", "HEAD~1")).Trim());
    }
}
