namespace Lemegeton.Gateway.Daemon;

/// <summary>The outcome of starting or stopping the gateway: an exit code, its PID when known, and what to tell the user.</summary>
public sealed record GatewayCommandResult(int ExitCode, int? Pid, string Message)
{
    public bool Succeeded => ExitCode == GatewayExitCodes.Success;
}
