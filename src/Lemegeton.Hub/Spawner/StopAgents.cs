namespace Lemegeton.Hub.Spawner;

/// <summary>Asks the spawner to stop every agent process (SIGTERM, SIGKILL after the grace); answered with <see cref="AgentsStopped"/>.</summary>
public sealed record StopAgents
{
    public static StopAgents Instance { get; } = new();
}
