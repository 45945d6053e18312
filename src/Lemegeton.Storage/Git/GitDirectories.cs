namespace Lemegeton.Storage.Git;

/// <summary>Where a repository keeps its git files, read from the file system alone (no libgit2: it works on a half-broken repository too).</summary>
public static class GitDirectories
{
    /// <summary>
    /// The marker a hub writes in the git folder while it may hold git's lock files (see <c>GitLocksInFlight</c>);
    /// found there, a hub was killed in the middle of a commit.
    /// </summary>
    public const string LocksMarker = "lemegeton-locks";

    /// <summary>
    /// The git folder of the work tree at <paramref name="root"/>: <c>.git</c> itself, or the folder a
    /// <c>.git</c> file points to (<c>gitdir: …</c>, a linked worktree); null when there is neither.
    /// </summary>
    public static string? GitDirOf(string root)
    {
        var dotGit = Path.Combine(root, ".git");
        if (Directory.Exists(dotGit)) return dotGit;
        if (File.Exists(dotGit) && File.ReadAllText(dotGit).Trim() is var pointer && pointer.StartsWith("gitdir:", StringComparison.Ordinal))
            return Path.GetFullPath(pointer["gitdir:".Length..].Trim(), root);
        return null;
    }

    /// <summary>A linked worktree's git folder names the shared one in its <c>commondir</c> file; branches, their reflogs and <c>packed-refs</c> live there.</summary>
    public static string CommonDir(string gitDir)
    {
        var pointer = Path.Combine(gitDir, "commondir");
        if (!File.Exists(pointer)) return gitDir;
        var common = File.ReadAllText(pointer).Trim();
        return Path.GetFullPath(Path.IsPathRooted(common) ? common : Path.Combine(gitDir, common));
    }
}
