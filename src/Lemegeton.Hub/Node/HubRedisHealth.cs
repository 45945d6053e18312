using Lemegeton.Storage.Redis;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Lemegeton.Hub.Node;

/// <summary>
/// The coordination-mode FSM's health check on the journal's Redis: one <see cref="RedisHealthChecker"/>
/// (a write probe under a timeout) on a multiplexer opened on first use, which reconnects by itself when
/// Redis comes back. <see cref="Check"/> is null when the hub has no Redis (it stays isolated).
/// </summary>
public sealed class HubRedisHealth(HubJournal journal, TimeProvider time, ILoggerFactory loggers) : IAsyncDisposable
{
    private readonly SemaphoreSlim _open = new(1, 1);
    private IConnectionMultiplexer? _mux;
    private RedisHealthChecker? _checker;

    /// <summary>One health check, for <see cref="Actors.CoordinationModeSettings.HealthCheck"/>; null without Redis.</summary>
    public Func<Task<RedisHealthReport>>? Check => journal.RedisSettings is null ? null : CheckOnceAsync;

    private async Task<RedisHealthReport> CheckOnceAsync()
    {
        var checker = _checker ?? await OpenAsync().ConfigureAwait(false);
        return await checker.CheckOnceAsync().ConfigureAwait(false);
    }

    private async Task<RedisHealthChecker> OpenAsync()
    {
        await _open.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_checker is not null) return _checker;
            // AbortOnConnectFail is off: a Redis that is away now gives a multiplexer whose checks fail until it is back.
            _mux = await ConnectionMultiplexer.ConnectAsync(journal.RedisSettings!.ToConfigurationOptions("lemegeton-hub-health")).ConfigureAwait(false);
            _checker = new RedisHealthChecker(_mux, new RedisHealthOptions(), time, loggers.CreateLogger<RedisHealthChecker>());
            return _checker;
        }
        finally
        {
            _open.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_checker is not null) await _checker.DisposeAsync().ConfigureAwait(false);
        if (_mux is not null) await _mux.DisposeAsync().ConfigureAwait(false);
        _open.Dispose();
    }
}
