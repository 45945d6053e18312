using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Lemegeton.Core.States;
using Lemegeton.Storage.Git;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lemegeton.Benchmarks.Storage;

/// <summary>
/// Cold-transition commits by <see cref="TaskListGitMirror"/> in a real repository (the example
/// task list, a user's unstaged edit in another file): one invocation = 100 commits that flip
/// PR-001 between ready and blocked; the figure is the time per commit.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5, invocationCount: 1)]
[MemoryDiagnoser]
[MedianColumn]
public class GitMirrorBenchmarks
{
    private const int Commits = 100;
    private const string TaskList = "docs/task-list.md";
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"lemegeton-bench-git-{Guid.NewGuid():N}");
    private TaskListGitMirror _mirror = null!;
    private bool _blocked;

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(Path.Combine(_root, "docs"));
        Directory.CreateDirectory(Path.Combine(_root, "src"));
        File.Copy(ExampleTaskList(), Path.Combine(_root, TaskList));
        File.WriteAllText(Path.Combine(_root, "src", "a.txt"), "a\n");
        Git("init", "-q", "-b", "main");
        Git("config", "user.name", "Bench");
        Git("config", "user.email", "bench@example.com");
        Git("config", "commit.gpgsign", "false");
        Git("add", "-A");
        Git("commit", "-q", "-m", "initial");
        File.WriteAllText(Path.Combine(_root, "src", "a.txt"), "a, edited by the user\n");
        _mirror = new TaskListGitMirror(_root, new GitMirrorOptions { TaskListPath = TaskList }, TimeProvider.System, NullLogger<TaskListGitMirror>.Instance);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark(OperationsPerInvoke = Commits)]
    public async Task ColdTransitionCommit()
    {
        for (var i = 0; i < Commits; i++)
        {
            var (from, to) = _blocked ? (ColdState.Blocked, ColdState.Ready) : (ColdState.Ready, ColdState.Blocked);
            _blocked = !_blocked;
            if (await _mirror.CommitAsync(new ColdTransition("PR-001", from, to, "agent-1", "bench", i)) is null)
                throw new InvalidOperationException("the mirror made no commit");
        }
    }

    private void Git(params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = _root, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)}: {err}");
    }

    private static string ExampleTaskList()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "examples", "task-list.md");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("docs/examples/task-list.md not found above the benchmark's directory.");
    }
}
