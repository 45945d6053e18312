namespace Lemegeton.Gateway;

/// <summary>The gateway's settings (<c>lemegeton.gateway.*</c>; defaults and trade-offs in hocon/reference.conf).</summary>
public sealed class GatewayOptions
{
    /// <summary>The IPC socket the hub connects to, relative to the repository root. Default <c>.lemegeton/gateway.sock</c>.</summary>
    public string Socket { get; set; } = ".lemegeton/gateway.sock";

    /// <summary>Address the dashboard (HTTP + WebSocket) listens on. Default loopback only.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Port of the dashboard; 0 picks a free one (written to <c>.lemegeton/gateway.url</c>). Default 7420.</summary>
    public int Port { get; set; } = 7420;

    /// <summary>The gateway pings every IPC client this often; a client silent for two intervals is dropped. Default 30 s.</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a browser's command waits for the hub's answer. Default 10 s.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Events kept for browsers that reconnect with <c>?since=seq</c>. Default 10000.</summary>
    public int ReplayBuffer { get; set; } = 10_000;

    /// <summary>Frames queued for one browser before it counts as too slow and is disconnected. Default 10000.</summary>
    public int ClientQueue { get; set; } = 10_000;

    /// <summary>Events kept in the state's <c>events</c> list (the dashboard's log on load). Default 200.</summary>
    public int EventHistory { get; set; } = 200;

    /// <summary><c>gateway start</c>: how long to wait for the background gateway to answer. Default 30 s.</summary>
    public TimeSpan ReadyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>gateway stop</c>: SIGTERM → SIGKILL after this. Default 15 s.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Bound of the gateway's graceful shutdown (closing browsers and IPC clients). Default 10 s.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The hub side's keys (<c>lemegeton.gateway.link.*</c>), bound by the hub as <c>GatewayLinkOptions</c>; the gateway ignores them.</summary>
    public Dictionary<string, string?> Link { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The socket's absolute path for a repository.</summary>
    public string SocketFor(string repositoryRoot) => Path.GetFullPath(Path.Combine(repositoryRoot, Socket));

    /// <summary>Problems with these values, each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Socket)) errors.Add("lemegeton.gateway.socket: must not be empty.");
        if (string.IsNullOrWhiteSpace(Host)) errors.Add("lemegeton.gateway.host: must not be empty.");
        if (Port is < 0 or > 65535) errors.Add($"lemegeton.gateway.port: {Port} is not a port (0-65535).");
        Positive(PingInterval, "ping-interval");
        Positive(CommandTimeout, "command-timeout");
        Positive(ReadyTimeout, "ready-timeout");
        Positive(StopTimeout, "stop-timeout");
        Positive(ShutdownTimeout, "shutdown-timeout");
        if (ReplayBuffer < 0) errors.Add($"lemegeton.gateway.replay-buffer: {ReplayBuffer} must not be negative.");
        if (ClientQueue < 16) errors.Add($"lemegeton.gateway.client-queue: {ClientQueue} must be at least 16.");
        if (EventHistory < 0) errors.Add($"lemegeton.gateway.event-history: {EventHistory} must not be negative.");
        if (StopTimeout <= ShutdownTimeout)
            errors.Add($"lemegeton.gateway.stop-timeout: {StopTimeout} must exceed lemegeton.gateway.shutdown-timeout ({ShutdownTimeout}).");
        return errors;

        void Positive(TimeSpan value, string key)
        {
            if (value <= TimeSpan.Zero) errors.Add($"lemegeton.gateway.{key}: {value} must be positive.");
        }
    }
}
