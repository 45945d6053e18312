namespace Lemegeton.Gateway.Daemon;

/// <summary>What the gateway does when told to exit at once (a second SIGINT): remove its files, flush the log, exit 130.</summary>
public sealed class GatewayForcedExit(Action exit)
{
    public void Exit() => exit();
}
