using System.Globalization;
using Lemegeton.Hub.Spawner;

namespace Lemegeton.Hub.Tests.Spawner;

/// <summary>Spawner settings whose agents are small shell scripts instead of <c>lemegeton agent</c>.</summary>
internal static class ShellAgents
{
    public static SpawnerSettings Settings(string script, string directory, string agents = "worker:1") =>
        new(Parse(agents), "unused", directory)
        {
            HubAddress = "127.0.0.1:1",
            CommandLine = _ => new AgentCommandLine("/bin/sh", ["-c", script]),
        };

    private static IReadOnlyList<SpawnedAgent> Parse(string agents) =>
        SpawnerAgentList.TryParse(agents, out var list, out var error) ? list : throw new ArgumentException(error);

    /// <summary>Processes of group <paramref name="pgid"/> that still run (zombies excluded), from /proc.</summary>
    public static IReadOnlyList<int> LiveMembersOfGroup(int pgid)
    {
        var members = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            // "pid (comm) S ppid pgrp …": the fields after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields[0] is "Z" or "X") continue;
            if (int.Parse(fields[2], CultureInfo.InvariantCulture) == pgid) members.Add(pid);
        }
        return members;
    }
}
