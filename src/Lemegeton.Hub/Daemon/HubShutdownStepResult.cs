namespace Lemegeton.Hub.Daemon;

/// <summary>The record of one shutdown step: what ran, how it ended, how long it took.</summary>
public sealed record HubShutdownStepResult(string Name, HubShutdownStage Stage, HubShutdownStepOutcome Outcome, TimeSpan Elapsed);
