namespace Lemegeton.Hub.Spawner;

/// <summary>One agent's process is gone and will not be started again.</summary>
internal sealed record AgentProcessStopped(string AgentId);
