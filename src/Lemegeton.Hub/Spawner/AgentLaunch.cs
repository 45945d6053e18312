namespace Lemegeton.Hub.Spawner;

/// <summary>What the command line of one agent process is built from.</summary>
/// <param name="Agent">The agent's id and type.</param>
/// <param name="HubAddress">The hub's remoting address as <c>HOST:PORT</c>.</param>
/// <param name="ExecTemplate">The <c>--exec</c> template the agent runs for each PR.</param>
/// <param name="WorkingDirectory">The repository root; the agent process starts there.</param>
/// <param name="CommandTimeout">The per-PR limit the agent is given (<c>--timeout</c>); null leaves the agent's default.</param>
public sealed record AgentLaunch(SpawnedAgent Agent, string HubAddress, string ExecTemplate, string WorkingDirectory, TimeSpan? CommandTimeout = null);
