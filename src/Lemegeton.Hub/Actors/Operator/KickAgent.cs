namespace Lemegeton.Hub.Actors.Operator;

/// <summary>End an agent's session: its work is handed back at once and the agent is told to shut down.</summary>
public sealed record KickAgent(string AgentId, string By) : IOperatorCommand;
