namespace Lemegeton.Hub.Daemon;

/// <summary>Everything the hub process needs to run in one repository.</summary>
/// <param name="RepositoryRoot">The git repository the hub serves.</param>
/// <param name="Hub">The <c>lemegeton.hub</c> settings.</param>
/// <param name="Logging">The <c>lemegeton.logging</c> settings.</param>
/// <param name="LogToConsole">Also write the log to standard output (foreground runs for systemd and containers).</param>
/// <param name="Detached">Started in the background by <c>hub start</c>: detach from the terminal and session.</param>
public sealed record HubDaemonSettings(string RepositoryRoot, HubOptions Hub, LoggingOptions Logging, bool LogToConsole, bool Detached)
{
    public HubPaths Paths { get; } = new(RepositoryRoot);

    /// <summary>Local agent processes to start and supervise (<c>hub start --agents … --exec …</c>); null for none.</summary>
    public Spawner.SpawnerSettings? Spawner { get; init; }

    public string LogDirectory => Logging.DirectoryFor(RepositoryRoot);
}
