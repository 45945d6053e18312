namespace Lemegeton.Hub.Spawner;

/// <summary>Published on the EventStream: an agent failed again after <paramref name="Restarts"/> restarts within <paramref name="Window"/>, and is not started again.</summary>
public sealed record SpawnedAgentGaveUp(string AgentId, int Restarts, TimeSpan Window, int LastExitCode);
