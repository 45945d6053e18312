using Akka.Configuration;
using Lemegeton.Persistence.Redis;
using StackExchange.Redis;

namespace Lemegeton.Persistence.Tests.Infrastructure;

/// <summary>
/// A real <c>redis-server</c> for one test class, listening only on a Unix socket in a private
/// (0700) temporary directory, without persistence files; killed and removed on dispose. Tests
/// keep apart by using their own key prefix (<see cref="NewKeyPrefix"/>).
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private readonly RestartableRedisServer _server = new(appendOnly: false, startTimeout: TimeSpan.FromSeconds(20));

    public string Directory => _server.Directory;

    public string SocketPath => _server.SocketPath;

    /// <summary>The plugin's connection string for this server.</summary>
    public string ConnectionString => SocketPath;

    /// <summary>A connection for inspecting what the plugin stored (admin commands allowed).</summary>
    public ConnectionMultiplexer Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _server.StartAsync();
        Connection = await _server.ConnectAsync();
    }

    /// <summary>A key prefix no other test uses, with a Redis Cluster hash tag like the default.</summary>
    public static string NewKeyPrefix() => "test:{" + Guid.NewGuid().ToString("N")[..12] + "}:";

    /// <summary>Settings for a store built directly on this server.</summary>
    public RedisPersistenceSettings Settings(string keyPrefix, TimeSpan? writeTimeout = null, int maxBatchSize = 2000) =>
        RedisPersistenceSettings.FromConfig(
            ConfigurationFactory.ParseString($"connection-string = \"{ConnectionString}\"\nkey-prefix = \"{keyPrefix}\"\nmax-batch-size = {maxBatchSize}")
                .WithFallback(writeTimeout is { } t ? ConfigurationFactory.ParseString($"write-timeout = {(long)t.TotalMilliseconds}ms") : Config.Empty),
            RedisPersistence.JournalPluginId);

    /// <summary>The journal and snapshot-store sections for this server under <paramref name="keyPrefix"/>, with the plugin's defaults behind them.</summary>
    public Config PluginConfig(string keyPrefix) =>
        ConfigurationFactory.ParseString($$"""
            akka.persistence.journal.lemegeton-redis {
              connection-string = "{{ConnectionString}}"
              key-prefix = "{{keyPrefix}}"
            }
            akka.persistence.snapshot-store.lemegeton-redis {
              connection-string = "{{ConnectionString}}"
              key-prefix = "{{keyPrefix}}"
            }
            """).WithFallback(RedisPersistence.DefaultConfig);

    public async Task DisposeAsync()
    {
        Connection?.Dispose();
        await _server.DisposeAsync();
    }
}
