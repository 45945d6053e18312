namespace Lemegeton.Storage.Redis;

/// <summary>How to run a private <c>redis-server</c> (the embedded default and the test fixture).</summary>
public sealed record RedisServerOptions
{
    /// <summary>Data directory: config, password, AOF, log and pid file live here.</summary>
    public required string Directory { get; init; }

    /// <summary>
    /// Unix socket the server listens on (with <c>unixsocketperm 700</c>; keep it in a 0700
    /// directory). When set, <see cref="Port"/> is ignored and the server has no TCP listener
    /// (<c>port 0</c>). The embedded server always uses one.
    /// </summary>
    public string? UnixSocket { get; init; }

    /// <summary>Loopback TCP port, for a server without <see cref="UnixSocket"/>; pick one with <see cref="FreePort.Find"/>.</summary>
    public int Port { get; init; }

    /// <summary>The <c>requirepass</c> password.</summary>
    public required string Password { get; init; }

    /// <summary>Address to bind for TCP; default 127.0.0.1 so the server is never reachable from outside.</summary>
    public string Bind { get; init; } = "127.0.0.1";

    /// <summary>Append-only file on (default) so hot state survives a restart of Redis.</summary>
    public bool AppendOnly { get; init; } = true;

    /// <summary><c>appendfsync</c>: <c>everysec</c> (default), <c>always</c> or <c>no</c>.</summary>
    public string AppendFsync { get; init; } = "everysec";

    /// <summary>The executable; default <c>redis-server</c> looked up on PATH.</summary>
    public string Executable { get; init; } = "redis-server";

    /// <summary>More <c>redis.conf</c> lines, appended as given (tests use it for TLS listeners).</summary>
    public IReadOnlyList<string> ExtraConfig { get; init; } = [];

    /// <summary>How long to wait for the first PONG.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
