using Lemegeton.Storage.Redis;
using Lemegeton.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lemegeton.Storage.Tests.Redis;

[Collection(RedisCollection.Name)]
public sealed class RedisHealthCheckerTests(RedisServerFixture redis)
{
    [Fact]
    public async Task A_live_server_is_healthy_and_the_first_result_is_published()
    {
        await using var checker = new RedisHealthChecker(redis.Connection, new RedisHealthOptions { DegradedLatency = TimeSpan.FromSeconds(5) }, TimeProvider.System, NullLogger<RedisHealthChecker>.Instance);
        var changes = new List<RedisHealthReport>();
        checker.HealthChanged += changes.Add;
        Assert.Equal(RedisHealthStatus.Checking, checker.Current.Status);

        var report = await checker.CheckOnceAsync();
        await checker.CheckOnceAsync();

        Assert.Equal(RedisHealthStatus.Healthy, report.Status);
        Assert.NotNull(report.Latency);
        Assert.Equal(0, report.ConsecutiveFailures);
        Assert.Single(changes);
    }

    [Fact]
    public async Task A_ping_slower_than_the_threshold_is_degraded()
    {
        await using var checker = new RedisHealthChecker(redis.Connection, new RedisHealthOptions { DegradedLatency = TimeSpan.Zero }, TimeProvider.System, NullLogger<RedisHealthChecker>.Instance);

        Assert.Equal(RedisHealthStatus.Degraded, (await checker.CheckOnceAsync()).Status);
    }

    [Fact]
    public async Task Three_failures_in_a_row_mark_redis_down()
    {
        using var mux = await RedisServerFixture.ConnectAsync(new RedisConnectionSettings("127.0.0.1", FreePort.Find(), "x", 0));
        await using var checker = new RedisHealthChecker(mux, new RedisHealthOptions(), TimeProvider.System, NullLogger<RedisHealthChecker>.Instance);
        var changes = new List<RedisHealthReport>();
        checker.HealthChanged += changes.Add;

        var reports = new[] { await checker.CheckOnceAsync(), await checker.CheckOnceAsync(), await checker.CheckOnceAsync() };

        Assert.Equal([1, 2, 3], reports.Select(r => r.ConsecutiveFailures));
        Assert.Equal([false, false, true], reports.Select(r => r.IsDown));
        Assert.All(reports, r => Assert.Equal(RedisHealthStatus.Unhealthy, r.Status));
        Assert.Equal([false, true], changes.Select(c => c.IsDown));
    }

    [Fact]
    public async Task Periodic_checks_run_on_the_given_clock()
    {
        var clock = new ManualClock();
        await using var checker = new RedisHealthChecker(redis.Connection, new RedisHealthOptions { Interval = TimeSpan.FromSeconds(5), DegradedLatency = TimeSpan.FromHours(1) }, clock, NullLogger<RedisHealthChecker>.Instance);
        var checks = System.Threading.Channels.Channel.CreateUnbounded<RedisHealthReport>();
        checker.Checked += r => checks.Writer.TryWrite(r);

        checker.Start();
        await checks.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(checks.Reader.TryRead(out _));
        await clock.WhenTimerArmedAsync(TimeSpan.FromSeconds(5)).WaitAsync(TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromSeconds(5));
        var second = await checks.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(RedisHealthStatus.Healthy, second.Status);
    }
}
