namespace Lemegeton.Agent.LocalSocket;

/// <summary>An agent as its local socket describes it.</summary>
/// <param name="AgentId">The agent's id.</param>
/// <param name="Connected">A hub session is live.</param>
/// <param name="SessionId">The session, when connected.</param>
/// <param name="Mode">The coordination mode the hub last announced.</param>
/// <param name="PrId">The PR being worked on, if any.</param>
public sealed record LocalAgentInfo(string AgentId, bool Connected, string? SessionId, string Mode, string? PrId);
