using System.Collections.Concurrent;
using Lemegeton.Storage.Journal;
using Lemegeton.Storage.Leases;
using Lemegeton.Storage.Redis;
using Lemegeton.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Lemegeton.Storage.Tests.Journal;

/// <summary>Redis killed, unreachable, lost and back: each test runs its own redis-server.</summary>
public sealed class RedisOutageTests : IDisposable
{
    private readonly TempDirectory _dir = new("outage");
    private readonly RedisKeys _keys = RedisServerFixture.NewKeys();

    public void Dispose() => _dir.Dispose();

    private string RedisDir => Path.Combine(_dir.Path, "redis");

    private FileJournal OpenFile() =>
        FileJournal.Open(Path.Combine(_dir.Path, "journal"), new FileJournalOptions(), TimeProvider.System, NullLogger<FileJournal>.Instance);

    private static RedisServerOptions SameServer(RedisServerProcess server) => server.Options;

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Sigkill_mid_run_loses_no_acknowledged_event_and_leases_stay_consistent()
    {
        var server = await RedisServerFixture.StartAsync(RedisDir, "always", FreePort.Find());
        using var mux = await RedisServerFixture.ConnectAsync(server.Connection);
        await using var journal = new RedisJournal(mux, _keys, new RedisJournalOptions());
        var leases = new RedisLeaseStore(mux, _keys, new DistinctPathPolicy(), new LeaseOptions(), NullLogger<RedisLeaseStore>.Instance);

        var acked = new ConcurrentDictionary<int, long>();
        var progress = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var target = 2000;
        var grants = new ConcurrentDictionary<string, long>();
        var next = 0;
        using var stop = new CancellationTokenSource();

        async Task Writer()
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref next);
                try
                {
                    acked[n] = await journal.AppendAsync(Events.Numbered(n));
                    if (acked.Count >= Volatile.Read(ref target)) progress.TrySetResult();
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException) { await Task.Delay(5); }
            }
        }

        async Task Leaser(int id)
        {
            var agent = $"agent-{id}";
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    var file = $"f{id}-{i}";
                    var grant = await leases.AcquireAsync(new LeaseOwner(agent, agent + "-session", "PR-001"), [file]);
                    if (grant.Granted) grants[file] = grant.FencingToken;
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException) { await Task.Delay(5); }
            }
        }

        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(Writer))
            .Concat(Enumerable.Range(0, 2).Select(i => Task.Run(() => Leaser(i)))).ToList();
        await progress.Task.WaitAsync(TimeSpan.FromSeconds(60));
        server.Kill();
        Volatile.Write(ref target, acked.Count + 2000);
        progress = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server = await RedisServerProcess.StartAsync(SameServer(server), TimeProvider.System);
        await progress.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        var stored = await journal.ReadAsync(0).ToListAsync();
        var storedNumbers = stored.Select(Events.NumberOf).ToHashSet();
        var lost = acked.Keys.Where(n => !storedNumbers.Contains(n)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} acknowledged event(s) lost, e.g. {string.Join(", ", lost.Take(5))}");
        foreach (var (n, seq) in acked)
            Assert.Equal(n, Events.NumberOf(stored.Single(r => r.Seq == seq)));
        Assert.Equal(stored.Count, stored.Select(r => r.Seq).Distinct().Count());

        // Every acknowledged grant is still there under its token, and new tokens are higher.
        var holders = await leases.GetHoldersAsync([.. grants.Keys]);
        Assert.Equal(grants.Count, holders.Count);
        Assert.All(holders, h => Assert.Equal(grants[h.Path], h.FencingToken));
        var fresh = await leases.AcquireAsync(new LeaseOwner("agent-9", "agent-9-session", "PR-009"), ["after-restart"]);
        Assert.True(fresh.FencingToken > grants.Values.Max());
        server.Kill();
    }

    [Fact]
    public async Task Redis_unreachable_at_start_sends_appends_to_the_file_journal()
    {
        var port = FreePort.Find();
        using var mux = await RedisServerFixture.ConnectAsync(new RedisConnectionSettings("127.0.0.1", port, "pw", 0));
        Assert.False(mux.IsConnected);
        var health = new RedisHealthChecker(mux, new RedisHealthOptions(), TimeProvider.System, NullLogger<RedisHealthChecker>.Instance);
        await using var journal = new FailoverJournal(new RedisJournal(mux, _keys, new RedisJournalOptions()), OpenFile(), JournalTarget.Redis, TimeProvider.System, NullLogger<FailoverJournal>.Instance);

        for (var i = 1; i <= 3; i++) await journal.AppendAsync(Events.Numbered(i));
        var report = await health.CheckOnceAsync();

        Assert.Equal(JournalTarget.File, journal.Target);
        Assert.Equal(3, journal.File.LastSequence);
        Assert.Equal(RedisHealthStatus.Unhealthy, report.Status);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Redis_lost_and_back_replays_the_file_journal_exactly_once()
    {
        var server = await RedisServerFixture.StartAsync(RedisDir, "always", FreePort.Find());
        using var mux = await RedisServerFixture.ConnectAsync(server.Connection);
        await using var health = new RedisHealthChecker(mux,
            new RedisHealthOptions { FailureThreshold = 2, DegradedLatency = TimeSpan.FromSeconds(5), Interval = TimeSpan.FromMilliseconds(100) },
            TimeProvider.System, NullLogger<RedisHealthChecker>.Instance);
        var changes = new ConcurrentQueue<RedisHealthReport>();
        var healthyAgain = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        health.HealthChanged += r =>
        {
            changes.Enqueue(r);
            if (changes.Count > 1 && r.Status == RedisHealthStatus.Healthy) healthyAgain.TrySetResult();
        };
        var redisJournal = new RedisJournal(mux, _keys, new RedisJournalOptions());
        await using var journal = new FailoverJournal(redisJournal, OpenFile(), JournalTarget.Redis, TimeProvider.System, NullLogger<FailoverJournal>.Instance);

        for (var i = 1; i <= 10; i++) await journal.AppendAsync(Events.Numbered(i));
        Assert.Equal(RedisHealthStatus.Healthy, (await health.CheckOnceAsync()).Status);

        server.Kill();
        for (var i = 11; i <= 20; i++) await journal.AppendAsync(Events.Numbered(i));
        Assert.Equal(JournalTarget.File, journal.Target);
        await health.CheckOnceAsync();
        Assert.True((await health.CheckOnceAsync()).IsDown);

        // From here the periodic checks (and the multiplexer's reconnect events) notice the recovery.
        server = await RedisServerProcess.StartAsync(server.Options, TimeProvider.System);
        health.Start();
        await healthyAgain.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(10, await journal.RestoreRedisAsync());
        Assert.Equal(0, await FailoverJournal.ReplayFileIntoRedisAsync(journal.File, redisJournal));
        for (var i = 21; i <= 25; i++) await journal.AppendAsync(Events.Numbered(i));

        Assert.Equal(JournalTarget.Redis, journal.Target);
        Assert.Equal(Enumerable.Range(1, 25), await redisJournal.ReadAsync(0).Select(Events.NumberOf).ToListAsync());
        Assert.Equal(
            [RedisHealthStatus.Healthy, RedisHealthStatus.Unhealthy, RedisHealthStatus.Unhealthy, RedisHealthStatus.Healthy],
            changes.Select(c => c.Status));
        server.Kill();
    }
}
