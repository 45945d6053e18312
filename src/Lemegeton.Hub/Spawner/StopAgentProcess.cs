namespace Lemegeton.Hub.Spawner;

/// <summary>From the spawner to one agent's actor: stop the process for good; answered with <see cref="AgentProcessStopped"/>.</summary>
internal sealed record StopAgentProcess
{
    public static StopAgentProcess Instance { get; } = new();
}
