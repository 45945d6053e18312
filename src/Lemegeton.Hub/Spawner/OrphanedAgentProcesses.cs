namespace Lemegeton.Hub.Spawner;

/// <summary>
/// Agent processes a killed hub left behind. Each spawned agent leads a process group of its own, so a hub
/// that dies by SIGKILL takes none with it: they go on and rejoin the next hub, whose spawner would then run a
/// second process under each id. Before its first start an agent's actor finds processes of the same agent id
/// started by a spawner in the same repository (<c>LEMEGETON_AGENT_ID</c> in their environment, no
/// <c>LEMEGETON_FENCING_TOKEN</c>: not a PR command; the repository as working directory) and stops them
/// (SIGTERM: the agent hands its PR back and exits; SIGKILL after the grace, then its PR command too).
/// </summary>
internal static class OrphanedAgentProcesses
{
    /// <summary>PIDs (each its own group) of spawned agent processes named <paramref name="agentId"/> in <paramref name="repositoryRoot"/>.</summary>
    public static IReadOnlyList<int> Find(string agentId, string repositoryRoot)
    {
        var root = ProcFs.Normalize(repositoryRoot);
        var marker = $"LEMEGETON_AGENT_ID={agentId}";
        return [.. ProcFs.Processes()
            .Where(p => p.Pid != Environment.ProcessId && p.WorkingDirectory is { } cwd && ProcFs.Normalize(cwd) == root
                && p.Environment.Contains(marker) && !p.IsPrCommand)
            .Select(p => p.Group).Distinct().Order()];
    }

    /// <summary>Stops what <see cref="Find"/> finds, and then any PR command they leave running. Returns the agents' PIDs.</summary>
    public static async Task<IReadOnlyList<int>> StopAsync(string agentId, string repositoryRoot, TimeSpan grace)
    {
        var found = Find(agentId, repositoryRoot);
        if (found.Count == 0) return found;
        await OrphanedAgentCommands.StopGroupsAsync(found, grace).ConfigureAwait(false);
        await OrphanedAgentCommands.StopAsync(agentId, repositoryRoot, grace).ConfigureAwait(false);
        return found;
    }
}
