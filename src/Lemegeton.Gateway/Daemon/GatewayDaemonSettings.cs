namespace Lemegeton.Gateway.Daemon;

/// <summary>Everything the gateway process needs to run in one repository.</summary>
/// <param name="RepositoryRoot">The repository whose hub the gateway serves.</param>
/// <param name="Gateway">The <c>lemegeton.gateway</c> settings.</param>
/// <param name="Logging">Log files (from <c>lemegeton.logging</c>).</param>
/// <param name="LogToConsole">Also log to standard output (foreground runs).</param>
/// <param name="Detached">Started in the background by <c>gateway start</c>: leave the terminal's session.</param>
public sealed record GatewayDaemonSettings(string RepositoryRoot, GatewayOptions Gateway, GatewayLogSettings Logging, bool LogToConsole, bool Detached)
{
    public GatewayPaths Paths { get; } = new(RepositoryRoot, Gateway.SocketFor(RepositoryRoot));
}
