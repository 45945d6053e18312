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
    /// Normalises one path. Backslashes become <c>/</c>; whitespace around segment names is trimmed;
    /// <c>.</c> and empty segments are dropped; a
    /// trailing <c>/</c> (a directory lease) is kept. Refused with <c>invalid-path</c>: empty
    /// paths, NUL or other control characters, absolute paths (<c>/x</c>, <c>C:\x</c>, <c>\\server</c>,
    /// <c>~/x</c>), and any <c>..</c> segment, since a path that climbs can escape the repository.
    /// </summary>
    public static LeasePathResult Normalize(string? path)
    {
        var original = path ?? "";
        if (path is not null && IsCanonical(path)) return LeasePathResult.Valid(path, path);
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

        var isDirectory = text.EndsWith('/');
        var builder = new StringBuilder(text.Length);
        // Whitespace around a segment name is never meant in a repository path; dropping it keeps
        // "src/ a.cs" and "src/a.cs" one file.
        foreach (var segment in text.Split('/', StringSplitOptions.TrimEntries))
        {
            if (segment.Length == 0 || segment == ".") continue;
            if (segment == "..")
                return LeasePathResult.Invalid(original, "'..' segments are not allowed: the path could leave the repository");
            if (builder.Length > 0) builder.Append('/');
            builder.Append(segment);
        }
        if (builder.Length == 0)
            return LeasePathResult.Invalid(original, "the path names the repository root; lease files or directories inside it");
        // Checked on the result, so "./C:/x" cannot slip through as "C:/x".
        if (builder.Length >= 2 && char.IsAsciiLetter(builder[0]) && builder[1] == ':')
            return LeasePathResult.Invalid(original, "drive-qualified paths are not allowed; give the path relative to the repository root");
        if (builder[0] == '~')
            return LeasePathResult.Invalid(original, "home-relative paths are not allowed; give the path relative to the repository root");
        if (isDirectory) builder.Append('/');
        return LeasePathResult.Valid(original, builder.ToString());
    }

    // Most paths arrive canonical already; recognise them in one pass without allocating.
    private static bool IsCanonical(string path)
    {
        if (path.Length == 0 || path[0] is '/' or '~' || char.IsWhiteSpace(path[0]) || char.IsWhiteSpace(path[^1])) return false;
        if (path.Length >= 2 && path[1] == ':' && char.IsAsciiLetter(path[0])) return false;
        var segmentStart = 0;
        for (var i = 0; i <= path.Length; i++)
        {
            if (i < path.Length)
            {
                var c = path[i];
                if (c == '\\' || char.IsControl(c)) return false;
                if (char.IsWhiteSpace(c) && (i == 0 || i == path.Length - 1 || path[i - 1] == '/' || path[i + 1] == '/')) return false;
                if (c != '/') continue;
            }
            var length = i - segmentStart;
            if (length == 0 && i < path.Length) return false;
            if (length == 1 && path[segmentStart] == '.') return false;
            if (length == 2 && path[segmentStart] == '.' && path[segmentStart + 1] == '.') return false;
            segmentStart = i + 1;
        }
        return true;
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
