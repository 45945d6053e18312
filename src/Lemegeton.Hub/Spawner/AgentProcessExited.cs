namespace Lemegeton.Hub.Spawner;

/// <summary>An agent process ended (seen off the actor thread, delivered as a message). A signal shows as 128 + its number.</summary>
internal sealed record AgentProcessExited(int Generation, int Pid, int ExitCode);
