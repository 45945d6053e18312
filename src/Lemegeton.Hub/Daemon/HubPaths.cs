namespace Lemegeton.Hub.Daemon;

/// <summary>Where the hub of one repository keeps its runtime files, all under <c>{repository}/.lemegeton/</c>.</summary>
public sealed record HubPaths(string RepositoryRoot)
{
    /// <summary>Longest Unix socket path the kernel accepts (sun_path is 108 bytes with its terminating NUL).</summary>
    public const int MaxSocketPathBytes = 107;

    /// <summary><c>.lemegeton/</c>: configuration and runtime files of the product.</summary>
    public string StateDirectory => Path.Combine(RepositoryRoot, ".lemegeton");

    /// <summary>Holds the running hub's PID; present only while a hub runs (or after a crash, until the next start replaces it).</summary>
    public string PidFile => Path.Combine(StateDirectory, "hub.pid");

    /// <summary>Locked exclusively for the whole life of the running hub; never deleted, so the lock always refers to one file.</summary>
    public string LockFile => Path.Combine(StateDirectory, "hub.lock");

    /// <summary>The admin API (HTTP+JSON), mode 0600.</summary>
    public string AdminSocket => Path.Combine(StateDirectory, "hub.sock");

    /// <summary>A 0700 folder the admin socket is bound in before it is moved to <see cref="AdminSocket"/>, so it is never reachable by others.</summary>
    public string PrivateRunDirectory => Path.Combine(StateDirectory, "run");

    /// <summary>Standard output and error of a background hub (runtime crash reports land here; the log is elsewhere).</summary>
    public string ConsoleFile(string logDirectory) => Path.Combine(logDirectory, "hub.out");

    /// <summary>The rolling log file pattern: Serilog inserts the date, e.g. <c>hub-20261203.log</c>.</summary>
    public static string LogFilePattern(string logDirectory) => Path.Combine(logDirectory, "hub-.log");

    /// <summary>Today's log file (Serilog rolls daily by local date, and adds <c>_001</c>… when a file reaches its size limit).</summary>
    public static string CurrentLogFile(string logDirectory, DateTime localNow) =>
        Path.Combine(logDirectory, $"hub-{localNow:yyyyMMdd}.log");
}
