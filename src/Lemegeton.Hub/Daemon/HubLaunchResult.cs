namespace Lemegeton.Hub.Daemon;

/// <summary>The outcome of a background start: an exit code for <c>hub start</c>, the hub's PID when known, and what to tell the user.</summary>
public sealed record HubLaunchResult(int ExitCode, int? Pid, string Message)
{
    public bool Started => ExitCode == HubExitCodes.Success;
}
