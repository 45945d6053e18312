using Lemegeton.Agent.Execution;

namespace Lemegeton.Agent;

/// <summary>How an assignment's run ended: the command's outcome and the commit its work is in (HEAD, when it moved).</summary>
public sealed record JobResult(CommandOutcome Outcome, string? Commit, string? SetupError = null);
