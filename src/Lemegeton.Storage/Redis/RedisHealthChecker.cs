using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Lemegeton.Storage.Redis;

/// <summary>
/// Probes Redis every interval (default 5 s) with a <em>write</em> — <c>SET</c> of a health key
/// with a short expiry — under a timeout (2 s), so a server that still answers PING but does not
/// take writes (<c>CLIENT PAUSE … WRITE</c>, a full disk with <c>stop-writes-on-bgsave-error</c>,
/// <c>min-replicas</c> not met, a read-only replica) is reported unhealthy. Reports healthy, degraded
/// (slower than 100 ms) or unhealthy, and counts failures in a row (down at 3). Publishes
/// <see cref="HealthChanged"/> whenever the status or the down flag changes, and every result
/// through <see cref="Checked"/>.
/// </summary>
public sealed partial class RedisHealthChecker : IAsyncDisposable
{
    private readonly IConnectionMultiplexer _mux;
    private readonly RedisHealthOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _serial = new(1, 1);
    private readonly RedisKey _probeKey;
    private PeriodicTimer? _timer;
    private Task? _loop;
    private int _failures;

    /// <param name="probeKey">The key the probe writes; default <c>lemegeton:health</c> (pass <see cref="RedisKeys.Health"/>).</param>
    public RedisHealthChecker(IConnectionMultiplexer mux, RedisHealthOptions options, TimeProvider time, ILogger<RedisHealthChecker> logger, RedisKey? probeKey = null)
    {
        _mux = mux;
        _probeKey = probeKey ?? (RedisKey)"lemegeton:health";
        _options = options;
        _time = time;
        _logger = logger;
        Current = new RedisHealthReport(RedisHealthStatus.Checking, null, null, time.GetUtcNow(), 0, false);
    }

    public RedisHealthReport Current { get; private set; }

    /// <summary>Raised when the status or <see cref="RedisHealthReport.IsDown"/> changes.</summary>
    public event Action<RedisHealthReport>? HealthChanged;

    /// <summary>Raised after every check.</summary>
    public event Action<RedisHealthReport>? Checked;

    /// <summary>
    /// Starts the periodic checks (the first one at once). A lost or restored connection also
    /// triggers a check at once, so a change is seen without waiting for the next interval.
    /// </summary>
    public void Start()
    {
        if (_loop is not null) return;
        _mux.ConnectionFailed += OnConnectionChanged;
        _mux.ConnectionRestored += OnConnectionChanged;
        // Armed before the first check, so a tick is never missed however long that check takes.
        _timer = new PeriodicTimer(_options.Interval, _time);
        _loop = Task.Run(RunAsync);
    }

    private void OnConnectionChanged(object? sender, ConnectionFailedEventArgs e)
    {
        if (!_stop.IsCancellationRequested) _ = CheckOnceAsync();
    }

    private async Task RunAsync()
    {
        try
        {
            do await CheckOnceAsync().ConfigureAwait(false);
            while (await _timer!.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Runs one check now and publishes its result.</summary>
    public async Task<RedisHealthReport> CheckOnceAsync()
    {
        await _serial.WaitAsync().ConfigureAwait(false);
        try { return await CheckCoreAsync().ConfigureAwait(false); }
        finally { _serial.Release(); }
    }

    private async Task<RedisHealthReport> CheckCoreAsync()
    {
        var started = _time.GetTimestamp();
        RedisHealthStatus status;
        TimeSpan? latency = null;
        string? error = null;
        try
        {
            if (!_mux.IsConnected) throw new NotConnectedException();
            // A write, not a PING: a server that answers but does not take writes must not look healthy.
            var written = await _mux.GetDatabase()
                .StringSetAsync(_probeKey, _time.GetUtcNow().ToUnixTimeMilliseconds(), ProbeExpiry(_options))
                .WaitAsync(_options.Timeout, _time).ConfigureAwait(false);
            if (!written) throw new RedisException("the health probe SET was not applied");
            latency = _time.GetElapsedTime(started);
            status = latency > _options.DegradedLatency ? RedisHealthStatus.Degraded : RedisHealthStatus.Healthy;
            _failures = 0;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException or NotConnectedException)
        {
            status = RedisHealthStatus.Unhealthy;
            error = ex is TimeoutException ? $"health probe write not acknowledged within {_options.Timeout.TotalMilliseconds:0} ms" : ex.Message;
            _failures++;
        }
        var previous = Current;
        var report = new RedisHealthReport(status, latency, error, _time.GetUtcNow(), _failures, _failures >= _options.FailureThreshold);
        Current = report;
        Checked?.Invoke(report);
        if (report.Status != previous.Status || report.IsDown != previous.IsDown)
        {
            LogChanged(_logger, previous.Status, report.Status, report.ConsecutiveFailures, report.Error);
            HealthChanged?.Invoke(report);
        }
        return report;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _mux.ConnectionFailed -= OnConnectionChanged;
        _mux.ConnectionRestored -= OnConnectionChanged;
        if (_loop is not null) await _loop.ConfigureAwait(false);
        _timer?.Dispose();
        _stop.Dispose();
    }

    // The probe key disappears soon after the hub stops writing it.
    private static TimeSpan ProbeExpiry(RedisHealthOptions o) => o.Interval * 3 > TimeSpan.FromSeconds(1) ? o.Interval * 3 : TimeSpan.FromSeconds(1);

    private sealed class NotConnectedException() : Exception("not connected to Redis");

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Redis health changed from {Previous} to {Current} ({Failures} failure(s) in a row; {Error})")]
    private static partial void LogChanged(ILogger logger, RedisHealthStatus previous, RedisHealthStatus current, int failures, string? error);
}
