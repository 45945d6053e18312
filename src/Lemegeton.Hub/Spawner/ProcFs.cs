using System.Globalization;
using System.Text;

namespace Lemegeton.Hub.Spawner;

/// <summary>What Linux's /proc tells about other processes of this user: environment, group, working directory.</summary>
internal static class ProcFs
{
    /// <summary>One live (not zombie) process: its PID, process group, working directory and environment (<c>NAME=value</c> entries).</summary>
    public sealed record Entry(int Pid, int Group, string? WorkingDirectory, IReadOnlyList<string> Environment)
    {
        /// <summary>A PR command an agent started: the agent gives each one its fencing token (the agent process itself has none).</summary>
        public bool IsPrCommand => Environment.Any(v => v.StartsWith("LEMEGETON_FENCING_TOKEN=", StringComparison.Ordinal));
    }

    /// <summary>Every live process whose environment this user may read; empty without /proc.</summary>
    public static IEnumerable<Entry> Processes()
    {
        if (!Directory.Exists("/proc")) yield break;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            Entry? entry = null;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // "pid (comm) S ppid pgrp …": the fields after the last ')'.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[0] is "Z" or "X") continue;
                var environment = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(dir, "environ"))).Split('\0');
                string? cwd = null;
                try { cwd = new DirectoryInfo(Path.Combine(dir, "cwd")).ResolveLinkTarget(returnFinalTarget: true)?.FullName; }
                catch (IOException) { }
                entry = new Entry(pid, int.Parse(fields[2], CultureInfo.InvariantCulture), cwd, environment);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
            if (entry is not null) yield return entry;
        }
    }

    /// <summary><paramref name="path"/> made absolute and without a trailing separator, for comparisons.</summary>
    public static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
}
