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
        var wanted = new[] { $"LEMEGETON_AGENT_ID={agentId}", $"LEMEGETON_REPOSITORY={ProcFs.Normalize(repositoryRoot)}" };
        return [.. ProcFs.Processes()
            .Where(p => wanted.All(p.Environment.Contains) && p.IsPrCommand)
            .Select(p => p.Group).Distinct().Order()];
    }

    /// <summary>Stops the groups <see cref="FindGroups"/> finds: SIGTERM, then SIGKILL after <paramref name="grace"/>. Returns them.</summary>
    public static Task<IReadOnlyList<int>> StopAsync(string agentId, string repositoryRoot, TimeSpan grace) =>
        StopGroupsAsync(FindGroups(agentId, repositoryRoot), grace);

    /// <summary>SIGTERM to each of <paramref name="groups"/>, SIGKILL to what is left after <paramref name="grace"/>. Returns them.</summary>
    public static async Task<IReadOnlyList<int>> StopGroupsAsync(IReadOnlyList<int> groups, TimeSpan grace)
    {
        if (groups.Count == 0) return groups;
        foreach (var g in groups) Posix.Signal(-g, Posix.SigTerm);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Polling: a process group has no handle to wait on.
        while (clock.Elapsed < grace && groups.Any(g => Posix.Signal(-g, 0))) await Task.Delay(50).ConfigureAwait(false);
        foreach (var g in groups) Posix.Signal(-g, Posix.SigKill);
        return groups;
    }
}
