namespace Lemegeton.Hub.Spawner;

/// <summary>Published on the EventStream: an agent process started (<paramref name="Restarts"/> restarts in the current window before it).</summary>
public sealed record SpawnedAgentStarted(string AgentId, int Pid, int Restarts);
