namespace Lemegeton.Hub.Spawner;

/// <summary>Timer message of an agent's actor: the grace after SIGTERM is over, send SIGKILL.</summary>
internal sealed record KillAgentProcess(int Generation);
