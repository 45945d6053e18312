namespace Lemegeton.Storage.Git;

/// <summary>Git mirror settings (<c>lemegeton.git.*</c>).</summary>
public sealed class GitMirrorOptions
{
    /// <summary>The task list, relative to the repository root. Default <c>docs/task-list.md</c>.</summary>
    public string TaskListPath { get; set; } = "docs/task-list.md";

    /// <summary>Author and committer name of cold-transition commits. Default <c>Lemegeton Hub</c>.</summary>
    public string AuthorName { get; set; } = "Lemegeton Hub";

    /// <summary>Author and committer e-mail. Default <c>hub@lemegeton.invalid</c>.</summary>
    public string AuthorEmail { get; set; } = "hub@lemegeton.invalid";

    /// <summary>How often to look again while the user is in a merge, rebase, cherry-pick or revert. Default 2 s.</summary>
    public TimeSpan BusyRetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long to wait for such an operation to finish before giving up on the commit. Default 30 min.</summary>
    public TimeSpan BusyMaxWait { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>After a commit, how often to try the index update again while an agent's git holds <c>index.lock</c>. Default 25 ms.</summary>
    public TimeSpan IndexRetryInterval { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>How long to keep trying that index update before leaving it (with a warning). Default 5 s.</summary>
    public TimeSpan IndexLockMaxWait { get; set; } = TimeSpan.FromSeconds(5);
}
