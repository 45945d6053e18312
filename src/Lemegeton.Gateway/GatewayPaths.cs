namespace Lemegeton.Gateway;

/// <summary>Where the gateway of one repository keeps its runtime files, under <c>{repository}/.lemegeton/</c>.</summary>
public sealed record GatewayPaths(string RepositoryRoot, string Socket)
{
    /// <summary>Longest Unix socket path the kernel accepts (sun_path is 108 bytes with its terminating NUL).</summary>
    public const int MaxSocketPathBytes = 107;

    public string StateDirectory => Path.Combine(RepositoryRoot, ".lemegeton");

    /// <summary>Locked exclusively for the whole life of the running gateway; never deleted.</summary>
    public string LockFile => Path.Combine(StateDirectory, "gateway.lock");

    /// <summary>The running gateway's PID, written atomically under the lock; removed at exit.</summary>
    public string PidFile => Path.Combine(StateDirectory, "gateway.pid");

    /// <summary>The dashboard's URL (one line), written once Kestrel listens; removed at exit. Read by <c>gateway status</c>.</summary>
    public string UrlFile => Path.Combine(StateDirectory, "gateway.url");

    /// <summary>A 0700 folder the IPC socket is bound in before it is moved to <see cref="Socket"/>.</summary>
    public string PrivateRunDirectory => Path.Combine(StateDirectory, "run");

    /// <summary>Where the socket is bound before it is made 0600 and renamed into place.</summary>
    public string BindPath => Path.Combine(PrivateRunDirectory, "gateway.sock");

    /// <summary>Standard output and error of a background gateway.</summary>
    public static string ConsoleFile(string logDirectory) => Path.Combine(logDirectory, "gateway.out");

    /// <summary>The rolling log file pattern: Serilog inserts the date, e.g. <c>gateway-20261203.log</c>.</summary>
    public static string LogFilePattern(string logDirectory) => Path.Combine(logDirectory, "gateway-.log");

    public static string CurrentLogFile(string logDirectory, DateTime localNow) => Path.Combine(logDirectory, $"gateway-{localNow:yyyyMMdd}.log");
}
