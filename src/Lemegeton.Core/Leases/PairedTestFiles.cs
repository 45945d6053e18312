namespace Lemegeton.Core.Leases;

/// <summary>
/// Paired test-file locking (spec §4.6): a lease on a source file also covers its test files, and a
/// lease on a test file also covers its source, so two agents never edit a class and its tests at
/// the same time. Pure: existence is asked through an injected predicate.
/// </summary>
public static class PairedTestFiles
{
    private static readonly string[] TestNameMarkers = [".test", ".spec", "_test", "_spec"];
    private static readonly string[] TestDirectories = ["tests", "test", "__tests__", "spec"];

    /// <summary>The pairing patterns of the reference, in its order (spec §4.6).</summary>
    public static IReadOnlyList<TestFilePattern> Patterns { get; } =
    [
        new("src", "tests", ".test", ".ts"),
        new("src", "tests", ".test", ".tsx"),
        new("src", "tests", ".test", ".js"),
        new("src", "tests", ".test", ".jsx"),
        new("src", "test", ".test", ".ts"),
        new("src", "test", ".test", ".js"),
        new("lib", "test", ".test", ".js"),
        new("src", "tests", ".spec", ".ts"),
        new("src", "spec", ".spec", ".ts"),
        new("src", "spec", ".spec", ".js"),
        new("src", "src", ".test", null, Colocated: true),
        new("src", "src", ".spec", null, Colocated: true),
        new(null, "__tests__", "", null, Colocated: true),
        new(null, "tests", "_test", ".py"),
        new(null, "tests", "", ".py"),
        new(null, "", "_test", ".go", Colocated: true),
        new("lib", "spec", "_spec", ".rb"),
        new("app", "spec", "_spec", ".rb"),
        new("src", "tests", "", ".rs"),
    ];

    /// <summary>
    /// True for a test file: its name contains <c>.test</c>, <c>.spec</c>, <c>_test</c> or <c>_spec</c>,
    /// or starts with <c>test_</c> or <c>test.</c>; or one of its directories is <c>tests</c>,
    /// <c>test</c>, <c>__tests__</c> or <c>spec</c>.
    /// </summary>
    public static bool IsTestFile(string path)
    {
        var (dir, file) = Split(path.Replace('\\', '/'));
        foreach (var marker in TestNameMarkers)
            if (file.Contains(marker, StringComparison.Ordinal)) return true;
        if (file.StartsWith("test_", StringComparison.Ordinal) || file.StartsWith("test.", StringComparison.Ordinal)) return true;
        foreach (var segment in dir.Split('/'))
            if (Array.IndexOf(TestDirectories, segment) >= 0) return true;
        return false;
    }

    /// <summary>Test-file candidates for a source file, each once, in pattern order; only existing ones when <paramref name="exists"/> is given.</summary>
    public static IReadOnlyList<string> FindTestFiles(string sourcePath, Func<string, bool>? exists = null)
    {
        var (dir, file) = Split(sourcePath);
        var (name, ext) = SplitExtension(file);
        var candidates = new List<string>();
        foreach (var p in Patterns)
        {
            if (p.Extension is not null && p.Extension != ext) continue;
            if (p.SourceDirectory is not null && !HasSegment(dir, p.SourceDirectory)) continue;
            string candidateDir;
            if (p.Colocated)
                candidateDir = p.TestDirectory == "__tests__" ? Join(dir, "__tests__") : dir;
            else if (p.SourceDirectory is null)
                candidateDir = p.TestDirectory;
            else
                candidateDir = ReplaceSegment(dir, p.SourceDirectory, p.TestDirectory);
            candidates.Add(Join(candidateDir, name + p.Suffix + ext));
        }
        if (ext == ".py") candidates.Add(Join("tests", "test_" + name + ".py"));
        return Filter(candidates, sourcePath, exists);
    }

    /// <summary>
    /// Source-file candidates for a test file. Unlike the reference, each pattern strips its own suffix
    /// from the original name and maps the test directory back to the source directory
    /// (<c>tests/auth/X.test.ts</c> → <c>src/auth/X.ts</c>).
    /// </summary>
    public static IReadOnlyList<string> FindSourceFiles(string testPath, Func<string, bool>? exists = null)
    {
        var (dir, file) = Split(testPath);
        var (name, ext) = SplitExtension(file);
        var candidates = new List<string>();
        foreach (var p in Patterns)
        {
            if (p.Extension is not null && p.Extension != ext) continue;
            if (p.TestDirectory == "__tests__")
            {
                if (LastSegment(dir) != "__tests__") continue;
                var parent = Parent(dir);
                candidates.Add(Join(parent, StripAny(name, ".test", ".spec") + ext));
                continue;
            }
            if (p.Suffix.Length > 0 && !name.EndsWith(p.Suffix, StringComparison.Ordinal)) continue;
            var stem = name[..^p.Suffix.Length];
            if (stem.Length == 0) continue;
            if (p.Colocated)
            {
                if (p.SourceDirectory is not null && !HasSegment(dir, p.SourceDirectory)) continue;
                if (p.Suffix.Length == 0 || LastSegment(dir) == "__tests__") continue;
                candidates.Add(Join(dir, stem + ext));
            }
            else if (p.SourceDirectory is null)
            {
                if (!HasSegment(dir, p.TestDirectory) || p.Suffix.Length == 0) continue;
                AddUnanchored(candidates, dir, p.TestDirectory, stem + ext);
            }
            else
            {
                if (!HasSegment(dir, p.TestDirectory)) continue;
                if (p.Suffix.Length == 0 && p.Extension != ".rs") continue;
                candidates.Add(Join(ReplaceSegment(dir, p.TestDirectory, p.SourceDirectory), stem + ext));
            }
        }
        if (ext == ".py" && name.StartsWith("test_", StringComparison.Ordinal) && name.Length > 5 && HasSegment(dir, "tests"))
            AddUnanchored(candidates, dir, "tests", name[5..] + ext);
        return Filter(candidates, testPath, exists);
    }

    /// <summary>
    /// The requested paths followed by their paired files: test files for sources and sources for
    /// tests, each path once, requested paths first. Directories (ending in <c>/</c>) are kept as they are.
    /// With <paramref name="exists"/> given, only pairs that exist are added; without it every candidate is.
    /// </summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, Func<string, bool>? exists = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var requested = paths.ToList();
        foreach (var p in requested)
            if (seen.Add(p)) result.Add(p);
        foreach (var p in requested)
        {
            if (p.EndsWith('/')) continue;
            var pairs = IsTestFile(p) ? FindSourceFiles(p, exists) : FindTestFiles(p, exists);
            foreach (var pair in pairs)
                if (seen.Add(pair)) result.Add(pair);
        }
        return result;
    }

    // A source dir that the test pattern does not name ("any"): the test dir is dropped, or replaced
    // by "src", since both layouts are common (tests/x_test.py for x.py or src/x.py).
    private static void AddUnanchored(List<string> candidates, string dir, string testDirectory, string fileName)
    {
        candidates.Add(Join(RemoveSegment(dir, testDirectory), fileName));
        candidates.Add(Join(ReplaceSegment(dir, testDirectory, "src"), fileName));
    }

    private static IReadOnlyList<string> Filter(List<string> candidates, string self, Func<string, bool>? exists)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { self };
        var result = new List<string>(candidates.Count);
        foreach (var c in candidates)
            if (seen.Add(c) && (exists is null || exists(c))) result.Add(c);
        return result;
    }

    private static (string Dir, string File) Split(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? ("", path) : (path[..slash], path[(slash + 1)..]);
    }

    private static (string Name, string Ext) SplitExtension(string file)
    {
        var dot = file.LastIndexOf('.');
        return dot <= 0 ? (file, "") : (file[..dot], file[dot..]);
    }

    private static string StripAny(string name, params string[] suffixes)
    {
        foreach (var s in suffixes)
            if (name.EndsWith(s, StringComparison.Ordinal) && name.Length > s.Length) return name[..^s.Length];
        return name;
    }

    private static bool HasSegment(string dir, string segment) => dir.Length > 0 && Array.IndexOf(dir.Split('/'), segment) >= 0;

    private static string ReplaceSegment(string dir, string from, string to)
    {
        var segments = dir.Split('/').ToList();
        var i = segments.IndexOf(from);
        if (i < 0) return dir;
        if (to.Length == 0) segments.RemoveAt(i); else segments[i] = to;
        return string.Join('/', segments);
    }

    private static string RemoveSegment(string dir, string segment) => ReplaceSegment(dir, segment, "");

    private static string LastSegment(string dir) => dir.Length == 0 ? "" : dir[(dir.LastIndexOf('/') + 1)..];

    private static string Parent(string dir) { var i = dir.LastIndexOf('/'); return i < 0 ? "" : dir[..i]; }

    private static string Join(string dir, string file) => dir.Length == 0 ? file : dir + "/" + file;
}
