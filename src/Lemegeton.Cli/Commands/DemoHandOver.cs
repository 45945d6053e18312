namespace Lemegeton.Cli.Commands;

/// <summary>The killed agent's PR seen with another agent (or completed by one): who took it and how long after the kill.</summary>
/// <param name="ToAgentId">The agent that took it; null when the PR was completed between two polls.</param>
/// <param name="After">Time from the kill to the first poll that showed the hand-over.</param>
public sealed record DemoHandOver(string PrId, string FromAgentId, string? ToAgentId, TimeSpan After);
