namespace Lemegeton.Cli.Configuration;

/// <summary>Finds the git repository a command runs in.</summary>
public static class RepositoryLocator
{
    /// <summary>The nearest folder at or above <paramref name="directory"/> holding <c>.git</c>; the folder itself outside a repository.</summary>
    public static string FindRoot(string directory)
    {
        for (var d = Path.GetFullPath(directory); d is not null; d = Path.GetDirectoryName(d))
            if (Directory.Exists(Path.Combine(d, ".git")) || File.Exists(Path.Combine(d, ".git"))) return d;
        return Path.GetFullPath(directory);
    }
}
