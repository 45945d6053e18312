using Lemegeton.Storage.Redis;
using StackExchange.Redis;

namespace Lemegeton.Benchmarks.Storage;

/// <summary>
/// A private redis-server for one benchmark class, configured like the embedded default: Unix
/// socket only, AOF with <c>appendfsync everysec</c>.
/// </summary>
internal sealed class StorageRedisServer : IAsyncDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"lemegeton-bench-{Guid.NewGuid():N}");

    public RedisServerProcess Server { get; private set; } = null!;
    public ConnectionMultiplexer Connection { get; private set; } = null!;

    /// <summary>A directory next to the server's for the benchmark's own files (e.g. the fencing watermark).</summary>
    public string StateDirectory => Path.Combine(_dir, "state");

    public async Task StartAsync()
    {
        Server = await RedisServerProcess.StartAsync(new RedisServerOptions
        {
            Directory = _dir,
            UnixSocket = Path.Combine(_dir, "redis.sock"),
            Password = Guid.NewGuid().ToString("N"),
            AppendOnly = true,
            AppendFsync = "everysec",
        }, TimeProvider.System);
        Connection = await ConnectionMultiplexer.ConnectAsync(Server.Connection.ToConfigurationOptions("lemegeton-bench"));
    }

    public async ValueTask DisposeAsync()
    {
        Connection.Dispose();
        await Server.DisposeAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
