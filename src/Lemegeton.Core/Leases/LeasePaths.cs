using System.Text;

namespace Lemegeton.Core.Leases;

/// <summary>
/// Path rules for file leases: every lease and every conflict check compares paths in this one
/// canonical, repository-relative form, so <c>src\a.cs</c>, <c>./src/a.cs</c> and <c>src//a.cs</c>
/// are the same file.
/// </summary>
public static class LeasePaths
{
    /// <summary>How many paths one lease request may name, unless configured otherwise.</summary>
    public const int DefaultMaxFilesPerRequest = 100;

    /// <summary>
    /// Normalises one path. Backslashes become <c>/</c>; <c>.</c> and empty segments are dropped; a
    /// trailing <c>/</c> (a directory lease) is kept. Refused with <c>invalid-path</c>: empty
    /// paths, NUL or other control characters, absolute paths (<c>/x</c>, <c>C:\x</c>, <c>\\server</c>,
    /// <c>~/x</c>), and any <c>..</c> segment, since a path that climbs can escape the repository.
    /// </summary>
    public static LeasePathResult Normalize(string? path)
    {
        var original = path ?? "";
        if (string.IsNullOrWhiteSpace(path))
            return LeasePathResult.Invalid(original, "the path is empty; name a file relative to the repository root");
        foreach (var c in path)
        {
            if (c == '\0')
                return LeasePathResult.Invalid(original, "the path contains a NUL byte");
            if (char.IsControl(c))
                return LeasePathResult.Invalid(original, $"the path contains the control character U+{(int)c:X4}");
        }

        var text = path.Trim().Replace('\\', '/');
        if (text.StartsWith('/'))
            return LeasePathResult.Invalid(original, "absolute paths are not allowed; give the path relative to the repository root");
        if (text.Length >= 2 && char.IsAsciiLetter(text[0]) && text[1] == ':')
            return LeasePathResult.Invalid(original, "drive-qualified paths are not allowed; give the path relative to the repository root");
        if (text.StartsWith('~'))
            return LeasePathResult.Invalid(original, "home-relative paths are not allowed; give the path relative to the repository root");

        var isDirectory = text.EndsWith('/');
        var builder = new StringBuilder(text.Length);
        foreach (var segment in text.Split('/'))
        {
            if (segment.Length == 0 || segment == ".") continue;
            if (segment == "..")
                return LeasePathResult.Invalid(original, "'..' segments are not allowed: the path could leave the repository");
            if (builder.Length > 0) builder.Append('/');
            builder.Append(segment);
        }
        if (builder.Length == 0)
            return LeasePathResult.Invalid(original, "the path names the repository root; lease files or directories inside it");
        if (isDirectory) builder.Append('/');
        return LeasePathResult.Valid(original, builder.ToString());
    }

    /// <summary>
    /// Normalises all paths of one lease request. The request is refused as a whole when it names more
    /// than <paramref name="maxFiles"/> paths; otherwise each invalid path is reported and the valid
    /// ones are returned once each, in request order.
    /// </summary>
    public static LeaseRequestPaths NormalizeRequest(IEnumerable<string> paths, int maxFiles = DefaultMaxFilesPerRequest)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var list = paths as IReadOnlyCollection<string> ?? [.. paths];
        if (list.Count > maxFiles)
            return new LeaseRequestPaths([], [], list.Count, maxFiles);

        var valid = new List<string>(list.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var invalid = new List<LeasePathResult>();
        foreach (var p in list)
        {
            var result = Normalize(p);
            if (!result.IsValid) invalid.Add(result);
            else if (seen.Add(result.Path!)) valid.Add(result.Path!);
        }
        return new LeaseRequestPaths(valid, invalid, list.Count, maxFiles);
    }

    /// <summary>True when two canonical paths overlap: equal, or one is a directory containing the other.</summary>
    public static bool Overlaps(string a, string b) =>
        a == b
        || (a.EndsWith('/') && b.StartsWith(a, StringComparison.Ordinal))
        || (b.EndsWith('/') && a.StartsWith(b, StringComparison.Ordinal));

    /// <summary>The directory prefixes of a canonical path, outermost first: <c>a/b/c.cs</c> gives <c>a/</c>, <c>a/b/</c>.</summary>
    public static IEnumerable<string> Ancestors(string path)
    {
        var end = path.EndsWith('/') ? path.Length - 1 : path.Length;
        for (var i = 0; i < end; i++)
            if (path[i] == '/') yield return path[..(i + 1)];
    }
}
