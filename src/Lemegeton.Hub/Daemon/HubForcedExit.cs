namespace Lemegeton.Hub.Daemon;

/// <summary>What the daemon does when told to exit at once (a second SIGINT): remove its files, flush the log, exit 130.</summary>
public sealed class HubForcedExit(Action exit)
{
    public void Exit() => exit();
}
