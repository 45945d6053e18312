namespace Lemegeton.Hub.Daemon;

/// <summary>What <see cref="HubLauncher"/> starts: the program, its arguments (which must run the hub in the foreground, detached), where, and how long to wait.</summary>
public sealed record HubLaunchRequest(
    HubExecutable Executable,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    HubPaths Paths,
    string LogDirectory,
    TimeSpan ReadyTimeout,
    IReadOnlyDictionary<string, string?>? Environment = null);
