namespace Lemegeton.Hub.Spawner;

/// <summary>Published on the EventStream: an agent's process group ignored SIGTERM for <paramref name="Grace"/> and was sent SIGKILL.</summary>
public sealed record SpawnedAgentKilled(string AgentId, int Pid, TimeSpan Grace);
