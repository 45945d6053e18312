using System.Globalization;
using System.Text;
using Lemegeton.Hub.Daemon;

namespace Lemegeton.Hub.Spawner;

/// <summary>
/// The PR commands a dead agent left running. An agent runs each command in a process group of its own
/// (<c>setsid</c>), so killing the agent's group does not reach it: after a SIGKILL the command would go on,
/// and commit its work next to the agent the hub gave the PR to. These are found by their environment
/// (the agent sets <c>LEMEGETON_AGENT_ID</c>, <c>LEMEGETON_REPOSITORY</c> and <c>LEMEGETON_FENCING_TOKEN</c>
/// for every command; the agent process itself has no fencing token) and stopped: SIGTERM to their groups
/// (git removes its lock files on it), SIGKILL to what is left after the grace. Linux (/proc) only.
/// </summary>
internal static class OrphanedAgentCommands
{
    /// <summary>Process groups of commands of agent <paramref name="agentId"/> working in <paramref name="repositoryRoot"/>.</summary>
    public static IReadOnlyList<int> FindGroups(string agentId, string repositoryRoot)
    {
        var groups = new SortedSet<int>();
        if (!Directory.Exists("/proc")) return [];
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(repositoryRoot));
        var wanted = new[] { $"LEMEGETON_AGENT_ID={agentId}", $"LEMEGETON_REPOSITORY={root}" };
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                var environment = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(dir, "environ"))).Split('\0');
                if (!wanted.All(environment.Contains) || !environment.Any(v => v.StartsWith("LEMEGETON_FENCING_TOKEN=", StringComparison.Ordinal))) continue;
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // "pid (comm) S ppid pgrp …": the fields after the last ')'.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[0] is "Z" or "X") continue;
                groups.Add(int.Parse(fields[2], CultureInfo.InvariantCulture));
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return [.. groups];
    }

    /// <summary>Stops the groups <see cref="FindGroups"/> finds: SIGTERM, then SIGKILL after <paramref name="grace"/>. Returns them.</summary>
    public static async Task<IReadOnlyList<int>> StopAsync(string agentId, string repositoryRoot, TimeSpan grace)
    {
        var groups = FindGroups(agentId, repositoryRoot);
        if (groups.Count == 0) return groups;
        foreach (var g in groups) Posix.Signal(-g, Posix.SigTerm);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Polling: a process group has no handle to wait on.
        while (clock.Elapsed < grace && groups.Any(g => Posix.Signal(-g, 0))) await Task.Delay(50).ConfigureAwait(false);
        foreach (var g in groups) Posix.Signal(-g, Posix.SigKill);
        return groups;
    }
}
