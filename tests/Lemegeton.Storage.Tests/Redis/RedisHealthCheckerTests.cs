using System.Threading.Channels;
using Lemegeton.Storage.Redis;
using Lemegeton.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Lemegeton.Storage.Tests.Redis;

[Collection(RedisCollection.Name)]
public sealed class RedisHealthCheckerTests(RedisServerFixture redis)
{
    [Fact]
    public async Task A_live_server_is_healthy_the_probe_writes_its_key_and_the_first_result_is_published()
    {
        var keys = RedisServerFixture.NewKeys();
        await using var checker = new RedisHealthChecker(redis.Connection, new RedisHealthOptions { DegradedLatency = TimeSpan.FromSeconds(5) }, TimeProvider.System, NullLogger<RedisHealthChecker>.Instance, keys.Health);
        var changes = new List<RedisHealthReport>();
        checker.HealthChanged += changes.Add;
        Assert.Equal(RedisHealthStatus.Checking, checker.Current.Status);

        var report = await checker.CheckOnceAsync();
        await checker.CheckOnceAsync();

        Assert.Equal(RedisHealthStatus.Healthy, report.Status);
        Assert.NotNull(report.Latency);
        Assert.Equal(0, report.ConsecutiveFailures);
        Assert.Single(changes);
        var ttl = await redis.Connection.GetDatabase().KeyTimeToLiveAsync(keys.Health);
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task A_probe_slower_than_the_threshold_is_degraded()
    {
        await using var checker = new RedisHealthChecker(redis.Connection, new RedisHealthOptions { DegradedLatency = TimeSpan.Zero }, TimeProvider.System, NullLogger<RedisHealthChecker>.Instance);

        Assert.Equal(RedisHealthStatus.Degraded, (await checker.CheckOnceAsync()).Status);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Three_failures_in_a_row_mark_redis_down()
    {
        using var mux = await RedisServerFixture.ConnectAsync(RedisConnectionSettings.ForUnixSocket(Path.Combine(Path.GetTempPath(), $"lemegeton-none-{Guid.NewGuid():N}.sock"), "x"));
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
        var clock = new FakeTimeProvider();
        await using var checker = new RedisHealthChecker(redis.Connection, new RedisHealthOptions { Interval = TimeSpan.FromSeconds(5), DegradedLatency = TimeSpan.FromHours(1), Timeout = TimeSpan.FromHours(1) }, clock, NullLogger<RedisHealthChecker>.Instance);
        var checks = Channel.CreateUnbounded<RedisHealthReport>();
        checker.Checked += r => checks.Writer.TryWrite(r);

        checker.Start();
        await checks.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(checks.Reader.TryRead(out _));
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(checks.Reader.TryRead(out _));
        clock.Advance(TimeSpan.FromSeconds(1));
        var second = await checks.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(RedisHealthStatus.Healthy, second.Status);
    }

    /// <summary>
    /// <c>CLIENT PAUSE … WRITE</c>: the server accepts connections and answers PING, but holds
    /// every write. The checker must see that, not a green PING.
    /// </summary>
    [Fact]
    public async Task A_server_that_answers_ping_but_pauses_writes_is_unhealthy_and_down_after_the_threshold()
    {
        using var dir = new TempDirectory("paused");
        await using var server = await RedisServerFixture.StartAsync(dir.Path, "everysec");
        using var admin = await RedisServerFixture.ConnectAsync(server.Connection);
        using var hub = await RedisServerFixture.ConnectAsHubAsync(server.Connection);
        var options = new RedisHealthOptions { Timeout = TimeSpan.FromMilliseconds(250), FailureThreshold = 2, DegradedLatency = TimeSpan.FromSeconds(5) };
        await using var checker = new RedisHealthChecker(hub, options, TimeProvider.System, NullLogger<RedisHealthChecker>.Instance);
        Assert.Equal(RedisHealthStatus.Healthy, (await checker.CheckOnceAsync()).Status);

        await admin.GetServer(admin.GetEndPoints()[0]).ExecuteAsync("CLIENT", "PAUSE", "30000", "WRITE");
        try
        {
            // PING still answers: the old check would have stayed green.
            using var other = await RedisServerFixture.ConnectAsHubAsync(server.Connection);
            await other.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(5));

            var first = await checker.CheckOnceAsync();
            var second = await checker.CheckOnceAsync();

            Assert.Equal(RedisHealthStatus.Unhealthy, first.Status);
            Assert.Contains("not acknowledged within 250 ms", first.Error);
            Assert.False(first.IsDown);
            Assert.True(second.IsDown);
        }
        finally
        {
            await admin.GetServer(admin.GetEndPoints()[0]).ExecuteAsync("CLIENT", "UNPAUSE");
        }
        Assert.Equal(RedisHealthStatus.Healthy, (await checker.CheckOnceAsync()).Status);
    }
}
