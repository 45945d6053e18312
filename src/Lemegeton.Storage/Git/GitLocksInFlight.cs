using System.Diagnostics;
using System.Globalization;

namespace Lemegeton.Storage.Git;

/// <summary>
/// Git's lock files (<c>refs/heads/main.lock</c>, <c>index.lock</c>) are created and renamed by libgit2
/// within microseconds, but a process killed in between leaves them behind, and from then on every
/// git command in the repository fails ("Unable to create '….lock': File exists") — the hub's next
/// commit and every agent's. So the mirror marks the span in which it may hold them: before moving a
/// ref or writing the index it writes <c>.git/lemegeton-locks</c> (its process id and start time, the
/// time, the lock files it may create, notes on what it was doing), and deletes it after. Whoever
/// opens the repository next with a marker whose process is gone removes those lock files — only the
/// ones created after the marker was written, so a lock a user's git took since is left alone — and
/// then the marker, and finishes what the notes say was left half done.
/// </summary>
internal static class GitLocksInFlight
{
    public const string MarkerName = GitDirectories.LocksMarker;
    private const string LockPrefix = "lock ";
    private const string NotePrefix = "note ";

    /// <summary>Lock files' timestamps may be coarser than ours: a lock this much older than the marker still counts as the marker's.</summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(2);

    private static readonly Lazy<DateTime> ProcessStart = new(() =>
    {
        using var self = Process.GetCurrentProcess();
        return self.StartTime;
    });

    /// <summary>The lock files updates of <paramref name="refs"/> (full names), of HEAD and of the index may create.</summary>
    public static string[] LocksOf(string gitDir, params string[] refs) =>
    [
        .. refs.Where(r => r.StartsWith("refs/", StringComparison.Ordinal))
            .Select(r => Path.Combine(GitDirectories.CommonDir(gitDir), r.Replace('/', Path.DirectorySeparatorChar) + ".lock")),
        Path.Combine(gitDir, "HEAD.lock"),
        Path.Combine(gitDir, "index.lock"),
    ];

    /// <summary>
    /// Writes the marker naming <paramref name="locks"/>, and <paramref name="notes"/> for whoever finds it
    /// left over (what was being done, to finish it); dispose it once the locks are released.
    /// </summary>
    public static IDisposable Enter(string gitDir, IReadOnlyList<string> locks, IReadOnlyList<string>? notes = null) =>
        Enter(gitDir, locks, notes, Environment.ProcessId, CurrentProcessStart);

    /// <summary>Writes the marker for the process <paramref name="pid"/> started at <paramref name="started"/> (tests name a process that is gone).</summary>
    internal static IDisposable Enter(string gitDir, IReadOnlyList<string> locks, IReadOnlyList<string>? notes, int pid, DateTime started)
    {
        var marker = Path.Combine(gitDir, MarkerName);
        var lines = new List<string>
        {
            pid.ToString(CultureInfo.InvariantCulture),
            started.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture),
            DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture),
        };
        lines.AddRange(locks.Select(l => LockPrefix + l));
        lines.AddRange((notes ?? []).Select(n => NotePrefix + n));
        File.WriteAllLines(marker, lines);
        return new Exit(marker);
    }

    /// <summary>
    /// When a marker was left by a process that is gone, removes its lock files that are still there
    /// and not older than it, then the marker. Returns what it removed and the marker's notes, or null
    /// when there was no such marker.
    /// </summary>
    public static Leftovers? RemoveLeftovers(string gitDir)
    {
        var marker = Path.Combine(gitDir, MarkerName);
        // Every open of the repository looks: the common case (no marker) must not cost an exception.
        if (!File.Exists(marker)) return null;
        string[] lines;
        try
        {
            lines = File.ReadAllLines(marker);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        if (lines.Length < 3
            || !int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var started)
            || !long.TryParse(lines[2], NumberStyles.None, CultureInfo.InvariantCulture, out var written))
        {
            // Cut short by the kill itself: no lock was taken yet (the marker is written before any).
            TryDelete(marker);
            return null;
        }
        if (IsRunning(pid, new DateTime(started, DateTimeKind.Utc))) return null;

        var since = new DateTime(written, DateTimeKind.Utc) - Tolerance;
        var removed = new List<string>();
        foreach (var path in lines.Skip(3).Where(l => l.StartsWith(LockPrefix, StringComparison.Ordinal)).Select(l => l[LockPrefix.Length..]))
        {
            if (File.Exists(path) && File.GetLastWriteTimeUtc(path) >= since && TryDelete(path)) removed.Add(path);
        }
        var notes = lines.Skip(3).Where(l => l.StartsWith(NotePrefix, StringComparison.Ordinal)).Select(l => l[NotePrefix.Length..]).ToList();
        TryDelete(marker);
        return new Leftovers(removed, notes);
    }

    /// <summary>What <see cref="RemoveLeftovers"/> found: the lock files it removed, and the notes of the marker.</summary>
    public sealed record Leftovers(IReadOnlyList<string> RemovedLocks, IReadOnlyList<string> Notes);

    private static DateTime CurrentProcessStart => ProcessStart.Value;

    /// <summary>The process is this one, or one with that id that started at that time (to the second: pids are reused).</summary>
    private static bool IsRunning(int pid, DateTime startedUtc)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && Math.Abs((process.StartTime.ToUniversalTime() - startedUtc).TotalSeconds) < 1;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return false;
        }
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private sealed class Exit(string marker) : IDisposable
    {
        public void Dispose() => TryDelete(marker);
    }
}
