namespace Lemegeton.Hub.Spawner;

/// <summary>Timer message of an agent's actor: start (or restart) the process now.</summary>
internal sealed record StartAgentProcess
{
    public static StartAgentProcess Instance { get; } = new();
}
