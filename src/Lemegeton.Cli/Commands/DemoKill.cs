namespace Lemegeton.Cli.Commands;

/// <summary>The agent process the demo killed with SIGKILL, and the PR it was working on.</summary>
/// <param name="At">Time since the demo started.</param>
public sealed record DemoKill(string AgentId, string? SessionId, int Pid, string PrId, TimeSpan At);
