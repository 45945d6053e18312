using System.Globalization;
using System.Text.Json;
using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit.Xunit2;
using Lemegeton.Persistence.Local;
using Lemegeton.Persistence.Tests.Infrastructure;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Lemegeton.Persistence.Tests.Failover;

/// <summary>
/// <c>lemegeton-failover</c> with the real Redis store as primary against a real redis-server that
/// is killed (SIGKILL) and restarted, or whose writes are paused: a running persistent actor keeps
/// persisting through the local store, the catch-up copies the local events into Redis exactly
/// once, and a new actor system recovers every acknowledged event in order.
/// </summary>
public sealed class FailoverRedisOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    private readonly RestartableRedisServer _redis = new();
    private readonly string _localDirectory = Path.Combine(Path.GetTempPath(), "lemegeton-failover-local-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly string _keyPrefix = RedisServerFixture.NewKeyPrefix();
    private readonly string _pid = "fo-" + Guid.NewGuid().ToString("N")[..8];

    public Task InitializeAsync() => _redis.StartAsync();

    public async Task DisposeAsync()
    {
        await _redis.DisposeAsync();
        if (Directory.Exists(_localDirectory)) Directory.Delete(_localDirectory, recursive: true);
    }

    private Config Config(TimeSpan redisWriteTimeout) => SpecConfig.With(
        FailoverRedisConfig.For(_redis.SocketPath, _keyPrefix, _localDirectory, TimeSpan.FromSeconds(1), redisWriteTimeout, TimeSpan.FromMilliseconds(200)),
        LocalJournalConfig.FailoverJournalPath);

    private RedisKey StreamKey => _keyPrefix + "journal:" + _pid;

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Events_persisted_while_redis_is_killed_go_local_and_are_caught_up_once_after_it_restarts()
    {
        var config = Config(TimeSpan.FromSeconds(1));
        var kit = new TestKit(config, "failover-kill", output);
        try
        {
            var actor = kit.Sys.ActorOf(EventRecorder.Props(_pid, kit.TestActor));
            kit.ExpectMsg<Recovered>(Generous);
            Persist(kit, actor, 1, 5);
            using (var admin = await _redis.ConnectAsync())
                Assert.Equal(Range(1, 5), await StreamSequenceNrsAsync(admin));

            await _redis.KillAsync();
            Persist(kit, actor, 6, 15);
            // Every event acknowledged while Redis was down is in the local journal's files.
            Assert.Equal(Range(6, 15), LocalSequenceNrs());

            await _redis.StartAsync();
            using (var admin = await _redis.ConnectAsync())
            {
                // The events acknowledged before the kill survived it (AOF, appendfsync everysec), and
                // the catch-up adds the local ones: each sequence number once, no gap.
                await kit.AwaitAssertAsync(async () => Assert.Equal(Range(1, 15), await StreamSequenceNrsAsync(admin)), Generous, TimeSpan.FromMilliseconds(100));
                Persist(kit, actor, 16, 18);
                await kit.AwaitAssertAsync(async () => Assert.Equal(Range(1, 18), await StreamSequenceNrsAsync(admin)), Generous, TimeSpan.FromMilliseconds(100));
            }
        }
        finally
        {
            await kit.Sys.Terminate();
        }

        var recovered = await RecoverInNewSystemAsync(config);
        Assert.Equal(Range(1, 18).Select(n => "e-" + n), recovered.Events.Cast<string>());
        Assert.Equal(18, recovered.LastSequenceNr);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Events_left_local_by_a_system_stopped_during_the_outage_are_recovered_and_caught_up_by_the_next()
    {
        var config = Config(TimeSpan.FromSeconds(1));
        var kit = new TestKit(config, "failover-stop", output);
        try
        {
            var actor = kit.Sys.ActorOf(EventRecorder.Props(_pid, kit.TestActor));
            kit.ExpectMsg<Recovered>(Generous);
            Persist(kit, actor, 1, 3);
            await _redis.KillAsync();
            Persist(kit, actor, 4, 7);
        }
        finally
        {
            await kit.Sys.Terminate();
        }

        Assert.Equal(Range(4, 7), LocalSequenceNrs());
        await _redis.StartAsync();

        // The new system replays Redis (1-3), then the local journal (4-7), and catches Redis up.
        var next = new TestKit(config, "failover-next", output);
        try
        {
            var actor = next.Sys.ActorOf(EventRecorder.Props(_pid, next.TestActor));
            var recovered = next.ExpectMsg<Recovered>(Generous);
            Assert.Equal(Range(1, 7).Select(n => "e-" + n), recovered.Events.Cast<string>());
            Assert.Equal(7, recovered.LastSequenceNr);
            using var admin = await _redis.ConnectAsync();
            await next.AwaitAssertAsync(async () => Assert.Equal(Range(1, 7), await StreamSequenceNrsAsync(admin)), Generous, TimeSpan.FromMilliseconds(100));
            Persist(next, actor, 8, 8);
            await next.AwaitAssertAsync(async () => Assert.Equal(Range(1, 8), await StreamSequenceNrsAsync(admin)), Generous, TimeSpan.FromMilliseconds(100));
        }
        finally
        {
            await next.Sys.Terminate();
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_persist_while_redis_writes_are_paused_completes_through_the_local_store_and_is_caught_up_once()
    {
        // The Redis store's own timeout is longer than the failover's, so the paused write is still
        // queued in Redis when the failover gives up on it, and lands once the pause ends.
        var config = Config(TimeSpan.FromSeconds(5));
        var kit = new TestKit(config, "failover-pause", output);
        using var admin = await _redis.ConnectAsync();
        var server = admin.GetServer(admin.GetEndPoints()[0]);
        try
        {
            var actor = kit.Sys.ActorOf(EventRecorder.Props(_pid, kit.TestActor));
            kit.ExpectMsg<Recovered>(Generous);
            Persist(kit, actor, 1, 3);
            Assert.Equal(Range(1, 3), await StreamSequenceNrsAsync(admin));

            // Paused for ten minutes and only lifted below: the acknowledgements cannot have waited for it.
            await server.ExecuteAsync("CLIENT", "PAUSE", "600000", "WRITE");
            try
            {
                Persist(kit, actor, 4, 5);
                Assert.Equal(Range(1, 3), await StreamSequenceNrsAsync(admin));
                Assert.Equal(Range(4, 5), LocalSequenceNrs());
            }
            finally
            {
                await server.ExecuteAsync("CLIENT", "UNPAUSE");
            }

            // The paused write of 4 lands now, the catch-up writes 4 and 5 again: one copy each.
            await kit.AwaitAssertAsync(async () => Assert.Equal(Range(1, 5), await StreamSequenceNrsAsync(admin)), Generous, TimeSpan.FromMilliseconds(100));
            Persist(kit, actor, 6, 6);
            await kit.AwaitAssertAsync(async () => Assert.Equal(Range(1, 6), await StreamSequenceNrsAsync(admin)), Generous, TimeSpan.FromMilliseconds(100));
        }
        finally
        {
            await kit.Sys.Terminate();
        }

        var recovered = await RecoverInNewSystemAsync(config);
        Assert.Equal(Range(1, 6).Select(n => "e-" + n), recovered.Events.Cast<string>());
        Assert.Equal(6, recovered.LastSequenceNr);
    }

    private static long[] Range(long from, long to) => [.. Enumerable.Range((int)from, (int)(to - from + 1)).Select(n => (long)n)];

    private static void Persist(TestKit kit, IActorRef actor, long from, long to)
    {
        for (var n = from; n <= to; n++)
        {
            actor.Tell(new RecordEvent("e-" + n));
            var persisted = kit.ExpectMsg<Persisted>(Generous);
            Assert.Equal(n, persisted.SequenceNr);
            Assert.Equal("e-" + n, persisted.Event);
        }
    }

    private async Task<Recovered> RecoverInNewSystemAsync(Config config)
    {
        var kit = new TestKit(config, "failover-recover", output);
        try
        {
            kit.Sys.ActorOf(EventRecorder.Props(_pid, kit.TestActor));
            return kit.ExpectMsg<Recovered>(Generous);
        }
        finally
        {
            await kit.Sys.Terminate();
        }
    }

    /// <summary>The sequence numbers in the persistence id's Redis stream (entry ids <c>{seqNr}-0</c>), in stream order.</summary>
    private async Task<long[]> StreamSequenceNrsAsync(ConnectionMultiplexer admin)
    {
        var entries = await admin.GetDatabase().StreamRangeAsync(StreamKey);
        return [.. entries.Select(e => long.Parse(((string)e.Id!).Split('-')[0], CultureInfo.InvariantCulture))];
    }

    /// <summary>The sequence numbers of the persistence id's events in the local journal's segment files, in file order.</summary>
    private long[] LocalSequenceNrs()
    {
        var found = new List<long>();
        foreach (var segment in Directory.GetFiles(_localDirectory, "journal-*.log").Order(StringComparer.Ordinal))
        {
            using var stream = new FileStream(segment, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                using var json = JsonDocument.Parse(line[9..]);
                if (json.RootElement.GetProperty("pid").GetString() != _pid || !json.RootElement.TryGetProperty("e", out var events)) continue;
                foreach (var e in events.EnumerateArray()) found.Add(e.GetProperty("s").GetInt64());
            }
        }

        return [.. found];
    }
}
