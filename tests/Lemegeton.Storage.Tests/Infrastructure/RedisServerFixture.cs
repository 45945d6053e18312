using Lemegeton.Storage.Redis;
using StackExchange.Redis;

namespace Lemegeton.Storage.Tests.Infrastructure;

/// <summary>
/// A real <c>redis-server</c> on a private Unix socket (no TCP listener) with a password, started
/// through the same <see cref="RedisServerProcess"/> the hub uses, killed on dispose. Tests share
/// it and keep apart by using their own project namespace (<see cref="NewKeys"/>). Tests that
/// need TCP start their own server with <see cref="StartAsync(string, string, int)"/>.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("redis");

    public RedisServerProcess Server { get; private set; } = null!;
    public ConnectionMultiplexer Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await StartAsync(_dir.Path, "everysec");
        Connection = await ConnectAsync(Server.Connection);
    }

    /// <summary>A server on <c>{dir}/redis.sock</c> (socket 0700), no TCP port.</summary>
    public static Task<RedisServerProcess> StartAsync(string dir, string appendFsync) =>
        RedisServerProcess.StartAsync(Options(dir, appendFsync) with { UnixSocket = Path.Combine(dir, "redis.sock") }, TimeProvider.System);

    /// <summary>A server on a loopback TCP port.</summary>
    public static Task<RedisServerProcess> StartAsync(string dir, string appendFsync, int port) =>
        RedisServerProcess.StartAsync(Options(dir, appendFsync) with { Port = port }, TimeProvider.System);

    private static RedisServerOptions Options(string dir, string appendFsync) => new()
    {
        Directory = dir,
        Password = "test-" + Guid.NewGuid().ToString("N"),
        AppendOnly = appendFsync != "none",
        AppendFsync = appendFsync == "none" ? "everysec" : appendFsync,
    };

    /// <summary>A test connection: the hub's options plus admin commands (SCRIPT FLUSH, CLIENT PAUSE) for the tests themselves.</summary>
    public static async Task<ConnectionMultiplexer> ConnectAsync(RedisConnectionSettings settings)
    {
        var options = settings.ToConfigurationOptions("lemegeton-tests");
        options.AllowAdmin = true;
        return await ConnectionMultiplexer.ConnectAsync(options);
    }

    /// <summary>A connection exactly as the hub makes it (no admin commands).</summary>
    public static Task<ConnectionMultiplexer> ConnectAsHubAsync(RedisConnectionSettings settings) =>
        ConnectionMultiplexer.ConnectAsync(settings.ToConfigurationOptions());

    public static RedisKeys NewKeys() => new("test-" + Guid.NewGuid().ToString("N")[..12]);

    public async Task DisposeAsync()
    {
        Connection?.Dispose();
        Server?.Kill();
        await Task.CompletedTask;
        _dir.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServerFixture>
{
    public const string Name = "redis";
}
