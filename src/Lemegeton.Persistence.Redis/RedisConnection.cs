using StackExchange.Redis;

namespace Lemegeton.Persistence.Redis;

/// <summary>
/// A lazily started connection: the first operation waits for the connect, none blocks a thread.
/// The multiplexer reconnects by itself after a lost connection; commands issued meanwhile wait
/// up to the write timeout and then fail.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _connect;
    private readonly bool _owned;

    public RedisConnection(RedisPersistenceSettings settings, string clientName)
    {
        _owned = true;
        var options = settings.Endpoint.ToConfigurationOptions(clientName, settings.WriteTimeout, settings.ConnectTimeout);
        _connect = new Lazy<Task<IConnectionMultiplexer>>(async () =>
            await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false));
    }

    /// <summary>Uses a connection someone else owns (tests, benchmarks); disposing leaves it open.</summary>
    public RedisConnection(IConnectionMultiplexer multiplexer)
    {
        _owned = false;
        _connect = new Lazy<Task<IConnectionMultiplexer>>(Task.FromResult(multiplexer));
    }

    public async Task<IDatabase> DatabaseAsync()
    {
        var mux = await _connect.Value.ConfigureAwait(false);
        return mux.GetDatabase();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_owned || !_connect.IsValueCreated) return;
        try
        {
            var mux = await _connect.Value.ConfigureAwait(false);
            await mux.CloseAsync(allowCommandsToComplete: true).ConfigureAwait(false);
            mux.Dispose();
        }
        catch (RedisException)
        {
            // Never connected: nothing to close.
        }
    }
}
