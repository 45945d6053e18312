namespace Lemegeton.Agent.Actors;

/// <summary>A job's run ended (sent to whichever agent actor is current then).</summary>
internal sealed record JobFinished(AgentJob Job, JobResult Result);
