namespace Lemegeton.Hub.Spawner;

/// <summary>
/// Published on the EventStream: an agent process ended; <paramref name="RestartIn"/> is the backoff
/// before it is started again, null when it is not (exit 0, stopping, or given up).
/// </summary>
public sealed record SpawnedAgentExited(string AgentId, int Pid, int ExitCode, TimeSpan? RestartIn);
