using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Lemegeton.Benchmarks.Storage.GitCliMirror;
using Lemegeton.Core.States;
using Lemegeton.Storage.Git;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lemegeton.Benchmarks.Storage;

/// <summary>
/// Cold-transition commits in a real repository (the example task list, a user's unstaged edit in
/// another file): one invocation = 100 commits that flip PR-001 between ready and blocked; the
/// figure is the time per commit. <see cref="TaskListGitMirror"/> (in-process, LibGit2Sharp) beside
/// the git-CLI mirror it replaced (<see cref="CliTaskListGitMirror"/>, a copy kept in this project
/// only to measure it), each in its own repository, in the same run.
/// </summary>
[Config(typeof(GitMirrorBenchmarkConfig))]
[MemoryDiagnoser]
[MedianColumn]
public class GitMirrorBenchmarks
{
    private const int Commits = 100;
    private const string TaskList = "docs/task-list.md";
    private readonly string _libGit2Root = Path.Combine(Path.GetTempPath(), $"lemegeton-bench-git-{Guid.NewGuid():N}");
    private readonly string _cliRoot = Path.Combine(Path.GetTempPath(), $"lemegeton-bench-gitcli-{Guid.NewGuid():N}");
    private TaskListGitMirror _mirror = null!;
    private CliTaskListGitMirror _cliMirror = null!;
    private bool _blocked;
    private bool _cliBlocked;

    [GlobalSetup]
    public void Setup()
    {
        CreateRepository(_libGit2Root);
        CreateRepository(_cliRoot);
        var options = new GitMirrorOptions { TaskListPath = TaskList };
        _mirror = new TaskListGitMirror(_libGit2Root, options, TimeProvider.System, NullLogger<TaskListGitMirror>.Instance);
        _cliMirror = new CliTaskListGitMirror(_cliRoot, TimeSpan.FromSeconds(30), options, TimeProvider.System, NullLogger<CliTaskListGitMirror>.Instance);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Directory.Delete(_libGit2Root, recursive: true);
        Directory.Delete(_cliRoot, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = Commits)]
    public async Task LibGit2Sharp_ColdTransitionCommit()
    {
        for (var i = 0; i < Commits; i++)
            if (await _mirror.CommitAsync(Next(ref _blocked, i)) is null)
                throw new InvalidOperationException("the mirror made no commit");
    }

    [Benchmark(OperationsPerInvoke = Commits, Baseline = true)]
    public async Task GitCli_ColdTransitionCommit()
    {
        for (var i = 0; i < Commits; i++)
            if (await _cliMirror.CommitAsync(Next(ref _cliBlocked, i)) is null)
                throw new InvalidOperationException("the mirror made no commit");
    }

    private static ColdTransition Next(ref bool blocked, int i)
    {
        var (from, to) = blocked ? (ColdState.Blocked, ColdState.Ready) : (ColdState.Ready, ColdState.Blocked);
        blocked = !blocked;
        return new ColdTransition("PR-001", from, to, "agent-1", "bench", i);
    }

    private static void CreateRepository(string root)
    {
        Directory.CreateDirectory(Path.Combine(root, "docs"));
        Directory.CreateDirectory(Path.Combine(root, "src"));
        File.Copy(ExampleTaskList(), Path.Combine(root, TaskList));
        File.WriteAllText(Path.Combine(root, "src", "a.txt"), "a\n");
        Git(root, "init", "-q", "-b", "main");
        Git(root, "config", "user.name", "Bench");
        Git(root, "config", "user.email", "bench@example.com");
        Git(root, "config", "commit.gpgsign", "false");
        Git(root, "add", "-A");
        Git(root, "commit", "-q", "-m", "initial");
        File.WriteAllText(Path.Combine(root, "src", "a.txt"), "a, edited by the user\n");
    }

    private static void Git(string root, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardError = true };
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
