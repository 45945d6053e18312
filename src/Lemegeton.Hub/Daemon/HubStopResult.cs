namespace Lemegeton.Hub.Daemon;

/// <summary>The outcome of <see cref="HubStopper.StopAsync"/>: an exit code for <c>hub stop</c>, the PID, and what to tell the user.</summary>
public sealed record HubStopResult(int ExitCode, int? Pid, string Message);
