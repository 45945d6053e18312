using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Lemegeton.Storage.Redis;

/// <summary>
/// The hub's one Redis connection multiplexer and where it points: a configured Redis, or the
/// embedded server (stopped when this is disposed). <see cref="ConnectAsync"/> returns null when
/// there is no Redis at all (isolated mode).
/// </summary>
public sealed partial class HotStoreConnection : IAsyncDisposable
{
    private HotStoreConnection(ConnectionMultiplexer mux, RedisConnectionSettings settings, RedisKeys keys, EmbeddedRedis? embedded)
    {
        Multiplexer = mux;
        Settings = settings;
        Keys = keys;
        Embedded = embedded;
    }

    public ConnectionMultiplexer Multiplexer { get; }
    public RedisConnectionSettings Settings { get; }
    public RedisKeys Keys { get; }

    /// <summary>The embedded server, when the hub runs one.</summary>
    public EmbeddedRedis? Embedded { get; }

    /// <param name="repositoryRoot">The repository; the embedded server keeps its data in <c>.lemegeton/redis/</c> under it.</param>
    public static async Task<HotStoreConnection?> ConnectAsync(RedisOptions options, string repositoryRoot, ILoggerFactory loggers, TimeProvider time, CancellationToken ct = default)
    {
        var logger = loggers.CreateLogger<HotStoreConnection>();
        var project = options.Project ?? new DirectoryInfo(Path.GetFullPath(repositoryRoot)).Name;
        var keys = new RedisKeys(project);
        EmbeddedRedis? embedded = null;
        RedisConnectionSettings settings;
        if (!string.IsNullOrWhiteSpace(options.Url))
        {
            settings = RedisConnectionSettings.Parse(options.Url);
        }
        else if (options.Embedded)
        {
            embedded = await EmbeddedRedis.StartOrAdoptAsync(
                Path.Combine(repositoryRoot, ".lemegeton", "redis"), loggers.CreateLogger<EmbeddedRedis>(), time, options.ServerExecutable, ct).ConfigureAwait(false);
            if (embedded is null) return null;
            settings = embedded.Connection;
        }
        else
        {
            LogIsolated(logger);
            return null;
        }
        // AbortOnConnectFail=false: an unreachable Redis still gives a multiplexer that reconnects by itself.
        var mux = await ConnectionMultiplexer.ConnectAsync(settings.ToConfigurationOptions()).ConfigureAwait(false);
        LogConnected(logger, settings.ToString(), mux.IsConnected, keys.Prefix);
        return new HotStoreConnection(mux, settings, keys, embedded);
    }

    public async ValueTask DisposeAsync()
    {
        await Multiplexer.CloseAsync().ConfigureAwait(false);
        Multiplexer.Dispose();
        if (Embedded is not null) await Embedded.DisposeAsync().ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "No Redis configured and the embedded server is disabled: running isolated on the local file journal")]
    private static partial void LogIsolated(ILogger logger);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Hot store {Redis} (connected: {Connected}), keys under {Prefix}")]
    private static partial void LogConnected(ILogger logger, string redis, bool connected, string prefix);
}
