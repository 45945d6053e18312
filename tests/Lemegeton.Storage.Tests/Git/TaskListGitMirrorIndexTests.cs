using Lemegeton.Core.States;
using Lemegeton.Storage.Git;
using Lemegeton.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lemegeton.Storage.Tests.Git;

/// <summary>
/// What the user sees in <c>git status</c> after a cold-transition commit: the real git CLI is the
/// witness of what the in-process commit did to the index and the working tree.
/// </summary>
public sealed class TaskListGitMirrorIndexTests : IAsyncLifetime
{
    private TestRepository _repo = null!;

    public async Task InitializeAsync() => _repo = await TestRepository.CreateAsync();

    public Task DisposeAsync()
    {
        _repo.Dispose();
        return Task.CompletedTask;
    }

    private TaskListGitMirror Mirror(string taskList = TestRepository.TaskList) =>
        new(_repo.Root, new GitMirrorOptions { TaskListPath = taskList }, TimeProvider.System, NullLogger<TaskListGitMirror>.Instance);

    private static readonly ColdTransition Completed = new("PR-001", HotState.InProgress, ColdState.Completed, "agent-7", "tests pass", 42);

    private Task<string> Status() => _repo.RunAsync("status", "--porcelain=v2", "--untracked-files=all");

    /// <summary><c>git ls-files -s --debug</c> (object, stage, ctime, mtime, dev, ino, uid, gid, size, flags) of every entry but <paramref name="path"/>.</summary>
    private async Task<string> IndexWithout(string path)
    {
        var entries = (await _repo.RunAsync("ls-files", "-s", "--debug")).Split('\n')
            .Aggregate(new List<List<string>>(), (all, line) =>
            {
                if (!line.StartsWith(' ')) all.Add([]);
                all[^1].Add(line);
                return all;
            });
        return string.Join('\n', entries.Where(e => !e[0].EndsWith("\t" + path, StringComparison.Ordinal)).SelectMany(e => e));
    }

    [Fact]
    public async Task The_users_staged_unstaged_and_untracked_changes_in_other_files_are_exactly_as_before()
    {
        _repo.Write("src/a.txt", "a changed, not staged\n");
        _repo.Write("src/b.txt", "b changed and staged\n");
        await _repo.RunAsync("add", "src/b.txt");
        _repo.Write("src/b.txt", "b changed and staged, then changed again\n");
        _repo.Write("src/new.txt", "new and staged\n");
        await _repo.RunAsync("add", "src/new.txt");
        _repo.Write("notes/untracked.txt", "not added\n");
        await _repo.RunAsync("rm", "-q", "--cached", "src/a.txt");
        _repo.Write("src/a.txt", "a removed from the index, still on disk\n");
        var statusBefore = await Status();
        var otherEntriesBefore = await _repo.RunAsync("ls-files", "-s", "--", "src");
        var filesBefore = new[] { "src/a.txt", "src/b.txt", "src/new.txt", "notes/untracked.txt" }.Select(_repo.ReadBytes).ToList();

        var commit = await Mirror().CommitAsync(Completed);

        Assert.NotNull(commit);
        Assert.Equal(statusBefore, await Status());
        Assert.Equal(otherEntriesBefore, await _repo.RunAsync("ls-files", "-s", "--", "src"));
        Assert.Equal(filesBefore, new[] { "src/a.txt", "src/b.txt", "src/new.txt", "notes/untracked.txt" }.Select(_repo.ReadBytes).ToList());
        // The task list's entry is HEAD's new blob: no staged revert of the hub's commit.
        Assert.Equal("", await _repo.RunAsync("diff", "--cached", "--", TestRepository.TaskList));
        Assert.Equal((await _repo.RunAsync("rev-parse", "HEAD:" + TestRepository.TaskList)).Trim(), (await _repo.RunAsync("rev-parse", ":" + TestRepository.TaskList)).Trim());
    }

    [Fact]
    public async Task Index_entries_of_other_files_keep_their_stat_data()
    {
        _repo.Write("src/b.txt", "staged\n");
        await _repo.RunAsync("add", "src/b.txt");
        var before = await IndexWithout(TestRepository.TaskList);

        await Mirror().CommitAsync(Completed);

        Assert.Equal(before, await IndexWithout(TestRepository.TaskList));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_task_list_in_nested_folders_is_replaced_in_its_own_tree_only()
    {
        const string nested = "planning/2026/q4/task-list.md";
        _repo.Write(nested, _repo.Read(TestRepository.TaskList));
        _repo.Write("planning/2026/q4/other.md", "beside the task list\n");
        _repo.Write("planning/2026/readme.md", "one level up\n");
        await _repo.RunAsync("add", "-A");
        await _repo.RunAsync("commit", "-q", "-m", "nested task list");

        await Mirror(nested).CommitAsync(Completed);

        Assert.Equal(nested, (await _repo.RunAsync("diff-tree", "--no-commit-id", "--name-only", "-r", "HEAD")).Trim());
        var before = (await _repo.RunAsync("ls-tree", "-r", "HEAD~1")).Split('\n');
        var after = (await _repo.RunAsync("ls-tree", "-r", "HEAD")).Split('\n');
        Assert.Equal(before.Length, after.Length);
        Assert.Single(after.Except(before));
        Assert.EndsWith("\t" + nested, after.Except(before).Single());
        Assert.Contains("cold_state: completed", await _repo.RunAsync("show", "HEAD:" + nested));
        Assert.Equal("", (await Status()).Trim());
    }

    [Fact]
    public async Task A_staged_edit_of_the_task_list_stays_staged_and_gets_the_new_state_too()
    {
        var text = _repo.Read(TestRepository.TaskList);
        _repo.Write(TestRepository.TaskList, text.Replace("Add the Widget entity with validation.", "Add the Widget entity with validation. (staged note)"));
        await _repo.RunAsync("add", TestRepository.TaskList);
        _repo.Write(TestRepository.TaskList, _repo.Read(TestRepository.TaskList).Replace("**Notes:**\nNone.", "**Notes:**\nNone. (unstaged note)"));

        await Mirror().CommitAsync(Completed);

        Assert.DoesNotContain("note", await _repo.RunAsync("show", "HEAD:" + TestRepository.TaskList));
        // Staged: only the user's own edit against the new HEAD, not a revert of cold_state.
        var staged = await _repo.RunAsync("diff", "--cached", "--unified=0", "--", TestRepository.TaskList);
        Assert.Contains("+Add the Widget entity with validation. (staged note)", staged);
        Assert.DoesNotContain("cold_state", staged);
        var unstaged = await _repo.RunAsync("diff", "--unified=0", "--", TestRepository.TaskList);
        Assert.Contains("(unstaged note)", unstaged);
        Assert.DoesNotContain("cold_state", unstaged);
        Assert.Equal("MM docs/task-list.md", (await _repo.RunAsync("status", "--porcelain", "--", TestRepository.TaskList)).TrimEnd());
    }

    [Fact]
    public async Task The_users_own_edit_of_that_very_cold_state_is_left_in_their_copies()
    {
        var text = _repo.Read(TestRepository.TaskList);
        var first = text.IndexOf("cold_state: ready", StringComparison.Ordinal);
        var users = text[..first] + "cold_state: skipped" + text[(first + "cold_state: ready".Length)..];
        _repo.Write(TestRepository.TaskList, users);

        await Mirror().CommitAsync(Completed);

        Assert.Contains("cold_state: completed", await _repo.RunAsync("show", "HEAD:" + TestRepository.TaskList));
        Assert.Equal(users, _repo.Read(TestRepository.TaskList));
        Assert.Equal("", await _repo.RunAsync("diff", "--cached"));
    }

    [Fact]
    public async Task A_detached_head_moves_to_the_new_commit_and_no_branch_does()
    {
        var main = (await _repo.RunAsync("rev-parse", "main")).Trim();
        await _repo.RunAsync("checkout", "-q", "--detach");

        var commit = await Mirror().CommitAsync(Completed);

        Assert.Equal(commit, (await _repo.RunAsync("rev-parse", "HEAD")).Trim());
        Assert.Equal(main, (await _repo.RunAsync("rev-parse", "HEAD~1")).Trim());
        Assert.Equal(main, (await _repo.RunAsync("rev-parse", "main")).Trim());
        Assert.Equal("", (await Status()).Trim());
    }
}
