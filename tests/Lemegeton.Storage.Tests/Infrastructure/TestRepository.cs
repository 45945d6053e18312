using Lemegeton.Storage.Tests.Git;

namespace Lemegeton.Storage.Tests.Infrastructure;

/// <summary>A real git repository in a temp directory, with the example task list committed.</summary>
public sealed class TestRepository : IDisposable
{
    private readonly TempDirectory _dir = new("git");

    private TestRepository() => Git = new GitCli(_dir.Path, TimeSpan.FromSeconds(30));

    public string Root => _dir.Path;
    public GitCli Git { get; }
    public const string TaskList = "docs/task-list.md";

    public static async Task<TestRepository> CreateAsync()
    {
        var repo = new TestRepository();
        await repo.RunAsync("init", "-q", "-b", "main");
        await repo.RunAsync("config", "user.name", "Test User");
        await repo.RunAsync("config", "user.email", "user@example.com");
        await repo.RunAsync("config", "commit.gpgsign", "false");
        repo.Write(TaskList, File.ReadAllText(ExampleTaskList()));
        repo.Write("src/a.txt", "a\n");
        repo.Write("src/b.txt", "b\n");
        await repo.RunAsync("add", "-A");
        await repo.RunAsync("commit", "-q", "-m", "initial");
        return repo;
    }

    public Task<string> RunAsync(params string[] args) => Git.RunAsync(args);

    /// <summary>
    /// Commits <c>src/a.txt</c> differently on a new branch <c>feature</c> and on <c>main</c>, leaving
    /// <c>main</c> checked out: merging or cherry-picking <c>feature</c> then stops on a conflict.
    /// </summary>
    public async Task CommitConflictingFeatureBranchAsync()
    {
        await RunAsync("checkout", "-q", "-b", "feature");
        Write("src/a.txt", "feature\n");
        await RunAsync("commit", "-q", "-am", "feature");
        await RunAsync("checkout", "-q", "main");
        Write("src/a.txt", "main\n");
        await RunAsync("commit", "-q", "-am", "main");
    }

    public void Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void WriteBytes(string relative, byte[] bytes)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    public byte[] ReadBytes(string relative) => File.ReadAllBytes(Path.Combine(Root, relative));

    public void Dispose() => _dir.Dispose();

    private static string ExampleTaskList()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "examples", "task-list.md");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("docs/examples/task-list.md not found above the test output directory.");
    }
}
