namespace Lemegeton.Hub.Spawner;

/// <summary>What the command line of one agent process is built from.</summary>
/// <param name="Agent">The agent's id and type.</param>
/// <param name="HubAddress">The hub's remoting address as <c>HOST:PORT</c>.</param>
/// <param name="ExecTemplate">The <c>--exec</c> template the agent runs for each PR.</param>
/// <param name="WorkingDirectory">The repository root; the agent process starts there.</param>
public sealed record AgentLaunch(SpawnedAgent Agent, string HubAddress, string ExecTemplate, string WorkingDirectory);
