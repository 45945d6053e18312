using Lemegeton.Storage.Redis;
using StackExchange.Redis;

namespace Lemegeton.Storage.Tests.Infrastructure;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port with a password, started through the same
/// <see cref="RedisServerProcess"/> the hub uses, killed on dispose. Tests share it and keep
/// apart by using their own project namespace (<see cref="NewKeys"/>).
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("redis");

    public RedisServerProcess Server { get; private set; } = null!;
    public ConnectionMultiplexer Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await StartAsync(_dir.Path, "everysec", FreePort.Find());
        Connection = await ConnectAsync(Server.Connection);
    }

    public static Task<RedisServerProcess> StartAsync(string dir, string appendFsync, int port) =>
        RedisServerProcess.StartAsync(new RedisServerOptions
        {
            Directory = dir,
            Port = port,
            Password = "test-" + Guid.NewGuid().ToString("N"),
            AppendOnly = appendFsync != "none",
            AppendFsync = appendFsync == "none" ? "everysec" : appendFsync,
        }, TimeProvider.System);

    public static async Task<ConnectionMultiplexer> ConnectAsync(RedisConnectionSettings settings)
    {
        var mux = await ConnectionMultiplexer.ConnectAsync(settings.ToConfigurationOptions("lemegeton-tests"));
        return mux;
    }

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
