using LibGit2Sharp;

namespace Lemegeton.Cli.Commands;

/// <summary>The demo's git repository: created with the sample task list and one first commit (LibGit2Sharp, so no git binary is needed).</summary>
public static class DemoRepository
{
    public const string TaskListPath = "docs/task-list.md";
    private const string AuthorName = "Lemegeton demo";
    private const string AuthorEmail = "demo@lemegeton.invalid";

    /// <summary>Creates the repository in <paramref name="root"/> (which exists and is empty).</summary>
    public static void Create(string root, string taskList)
    {
        Repository.Init(root);
        Write(root, TaskListPath, taskList);
        Write(root, "README.md", "# Widget shop\n\nThe sample project of `lemegeton demo`: fake-coder agents implement its task list.\n");
        Write(root, ".gitignore", ".lemegeton/\n");
        using var repo = new Repository(root);
        // Agents commit with git too: give the repository an identity, so a fresh machine needs none.
        repo.Config.Set("user.name", AuthorName, ConfigurationLevel.Local);
        repo.Config.Set("user.email", AuthorEmail, ConfigurationLevel.Local);
        LibGit2Sharp.Commands.Stage(repo, "*");
        var who = new Signature(AuthorName, AuthorEmail, DateTimeOffset.Now);
        repo.Commit("Widget shop: the task list of the lemegeton demo", who, who);
    }

    /// <summary>Commits reachable from HEAD.</summary>
    public static int CommitCount(string root)
    {
        using var repo = new Repository(root);
        return repo.Head.Tip is null ? 0 : repo.Commits.Count();
    }

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
