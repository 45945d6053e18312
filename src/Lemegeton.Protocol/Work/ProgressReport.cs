namespace Lemegeton.Protocol.Work;

/// <summary>Agent → hub, optional: how far the work on a PR is; no answer.</summary>
/// <param name="PrId">The PR worked on.</param>
/// <param name="Percent">0–100.</param>
/// <param name="Message">A short human-readable note for the dashboard.</param>
public sealed record ProgressReport(string PrId, int Percent, string? Message = null) : IAgentMessage;
