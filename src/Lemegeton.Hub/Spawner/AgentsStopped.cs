namespace Lemegeton.Hub.Spawner;

/// <summary>The answer to <see cref="StopAgents"/>: no agent process of this hub runs any more.</summary>
public sealed record AgentsStopped(IReadOnlyList<string> AgentIds);
