using System.Diagnostics;
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
    private Process? _server;

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "lemegeton-redis-" + Guid.NewGuid().ToString("N")[..10]);

    public string SocketPath => Path.Combine(Directory, "redis.sock");

    /// <summary>The plugin's connection string for this server.</summary>
    public string ConnectionString => SocketPath;

    /// <summary>A connection for inspecting what the plugin stored (admin commands allowed).</summary>
    public ConnectionMultiplexer Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var psi = new ProcessStartInfo("redis-server")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory,
        };
        foreach (var arg in new[]
                 {
                     "--port", "0", "--unixsocket", SocketPath, "--unixsocketperm", "700",
                     "--save", "", "--appendonly", "no", "--dir", Directory, "--loglevel", "notice",
                 })
        {
            psi.ArgumentList.Add(arg);
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        _server = new Process { StartInfo = psi, EnableRaisingEvents = true };
        _server.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            log.Enqueue(e.Data);
            if (e.Data.Contains("ready to accept connections", StringComparison.OrdinalIgnoreCase)) ready.TrySetResult();
        };
        _server.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        _server.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("redis-server exited during start:\n" + string.Join('\n', log)));
        _server.Start();
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(20));

        var options = new ConfigurationOptions { AllowAdmin = true, AbortOnConnectFail = true, ClientName = "lemegeton-persistence-tests" };
        options.EndPoints.Add(new System.Net.Sockets.UnixDomainSocketEndPoint(SocketPath));
        Connection = await ConnectionMultiplexer.ConnectAsync(options);
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
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind harms nothing.
        }
    }
}
