namespace Lemegeton.Hub.Daemon;

/// <summary>What the hub does about a signal it received.</summary>
public enum HubSignalAction
{
    /// <summary>A repeat within the debounce window: nothing.</summary>
    Ignore,

    /// <summary>Begin the graceful shutdown.</summary>
    Stop,

    /// <summary>A further stop signal while already stopping: logged, nothing else.</summary>
    AlreadyStopping,

    /// <summary>A second SIGINT while stopping: exit now.</summary>
    ForceExit,

    /// <summary>SIGHUP: raise the reload event.</summary>
    Reload,
}
