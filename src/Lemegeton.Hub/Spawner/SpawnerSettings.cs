using Lemegeton.Hub.Daemon;

namespace Lemegeton.Hub.Spawner;

/// <summary>
/// The local agents a hub starts and supervises (<c>hub start --agents worker:4,qc:1 --exec "…"</c>),
/// and how it supervises them.
/// </summary>
/// <param name="Agents">The agents to run, one process each.</param>
/// <param name="ExecTemplate">The command template every agent runs for a PR (its <c>--exec</c>).</param>
/// <param name="WorkingDirectory">The repository root: where the agent processes start.</param>
public sealed record SpawnerSettings(IReadOnlyList<SpawnedAgent> Agents, string ExecTemplate, string WorkingDirectory)
{
    /// <summary>Restarts allowed within <see cref="RestartWindow"/>; one more failure and the agent is given up. Default 3.</summary>
    public int MaxRestarts { get; init; } = 3;

    /// <summary>The sliding window <see cref="MaxRestarts"/> counts in. Default 1 minute.</summary>
    public TimeSpan RestartWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Delay before the first restart; doubled for each further restart inside the window. Default 1 s.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of the restart delay. Default 30 s.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time between SIGTERM and SIGKILL when the agents are stopped. Default 5 s.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The per-PR time limit given to every agent (<c>lemegeton agent --timeout</c>, from <c>hub start --agent-timeout</c>); null leaves the agent's default (30 minutes).</summary>
    public TimeSpan? CommandTimeout { get; init; }

    /// <summary>The hub's <c>HOST:PORT</c> to give the agents; null takes the actor system's own remoting address.</summary>
    public string? HubAddress { get; init; }

    /// <summary>Builds each agent's command line; null runs <see cref="AgentCommandLine.ForLemegeton"/> with this executable. Tests give shell scripts.</summary>
    public Func<AgentLaunch, AgentCommandLine>? CommandLine { get; init; }

    internal Func<AgentLaunch, AgentCommandLine> CommandLineOrDefault()
    {
        if (CommandLine is { } custom) return custom;
        var self = HubExecutable.Current();
        return launch => AgentCommandLine.ForLemegeton(self, launch);
    }

    /// <summary>Problems with the values, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Agents.Count == 0) problems.Add("agents: no agents to spawn");
        if (string.IsNullOrWhiteSpace(ExecTemplate)) problems.Add("exec: the command template is empty");
        if (MaxRestarts < 0) problems.Add($"max-restarts: {MaxRestarts} is negative");
        if (RestartWindow <= TimeSpan.Zero) problems.Add($"restart-window: {RestartWindow} is not positive");
        if (InitialBackoff < TimeSpan.Zero || MaxBackoff < InitialBackoff) problems.Add($"backoff: {InitialBackoff}..{MaxBackoff} is not a range");
        if (StopGrace < TimeSpan.Zero) problems.Add($"stop-grace: {StopGrace} is negative");
        if (CommandTimeout is { } timeout && timeout <= TimeSpan.Zero) problems.Add($"agent-timeout: {timeout} is not positive");
        var duplicate = Agents.GroupBy(a => a.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) problems.Add($"agents: the id {duplicate.Key} is given twice");
        return problems;
    }
}
