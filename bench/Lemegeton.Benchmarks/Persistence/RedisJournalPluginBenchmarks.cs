using Akka.Actor;
using Akka.Configuration;
using BenchmarkDotNet.Attributes;
using Lemegeton.Persistence.Redis;

namespace Lemegeton.Benchmarks.Persistence;

/// <summary>
/// The Redis journal plugin through Akka.Persistence: write throughput of one persistent actor
/// (<c>Persist</c>, one event per journal round trip; <c>PersistAsync</c>, batched by Akka and
/// group-committed by the plugin), of 32 actors using <c>Persist</c> at once, and replay speed
/// (a new incarnation recovering 20,000 events). One operation = one event.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
[Config(typeof(InProcessShortConfig))]
[MemoryDiagnoser]
[MedianColumn]
public class RedisJournalPluginBenchmarks
{
    private const int PersistCount = 2_000;
    private const int PersistAsyncCount = 20_000;
    private const int Actors = 32;
    private const int PerActor = 500;
    private const int ReplayCount = 20_000;

    // A lease event's size, roughly: 120 characters.
    private static readonly string Event = new('e', 120);

    private readonly PersistenceRedisServer _redis = new();
    private ActorSystem _system = null!;
    private IActorRef _single = null!;
    private IActorRef[] _many = null!;
    private string _replayPid = null!;

    // Synchronous setup and cleanup: the in-process toolchain does not await Task-returning ones.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        await _redis.StartAsync();
        var config = ConfigurationFactory.ParseString($$"""
            akka.loglevel = WARNING
            akka.persistence.journal.plugin = "{{RedisPersistence.JournalPluginId}}"
            akka.persistence.journal.lemegeton-redis {
              connection-string = "{{_redis.SocketPath}}"
              key-prefix = "bench:{plugin}:"
            }
            akka.persistence.snapshot-store.plugin = "{{RedisPersistence.SnapshotStorePluginId}}"
            akka.persistence.snapshot-store.lemegeton-redis.connection-string = "{{_redis.SocketPath}}"
            """).WithFallback(RedisPersistence.DefaultConfig);
        _system = ActorSystem.Create("bench", config);
        _single = await SpawnAsync("single");
        _many = await Task.WhenAll(Enumerable.Range(0, Actors).Select(i => SpawnAsync($"many-{i}")));

        _replayPid = "replay";
        var writer = await SpawnAsync(_replayPid);
        await PersistAsync(writer, ReplayCount, async: true);
        await writer.GracefulStop(TimeSpan.FromSeconds(10));
    }

    private async Task<IActorRef> SpawnAsync(string pid)
    {
        var recovered = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = _system.ActorOf(Props.Create(() => new BenchmarkPersistentActor(pid, recovered)));
        await recovered.Task;
        return actor;
    }

    private async Task CleanupAsync()
    {
        await _system.Terminate();
        await _redis.DisposeAsync();
    }

    [Benchmark(OperationsPerInvoke = PersistCount)]
    public Task Persist_OneActor() => PersistAsync(_single, PersistCount, async: false);

    [Benchmark(OperationsPerInvoke = PersistAsyncCount)]
    public Task PersistAsync_OneActor() => PersistAsync(_single, PersistAsyncCount, async: true);

    [Benchmark(OperationsPerInvoke = Actors * PerActor)]
    public Task Persist_32Actors() => Task.WhenAll(_many.Select(a => PersistAsync(a, PerActor, async: false)));

    [Benchmark(OperationsPerInvoke = ReplayCount)]
    public async Task<long> Replay_OneActor()
    {
        var recovered = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = _system.ActorOf(Props.Create(() => new BenchmarkPersistentActor(_replayPid, recovered)));
        var count = await recovered.Task;
        _system.Stop(actor);
        if (count != ReplayCount) throw new InvalidOperationException($"Replayed {count} events, expected {ReplayCount}.");
        return count;
    }

    private static Task PersistAsync(IActorRef actor, int count, bool async)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        actor.Tell(new ExpectEvents(count, done));
        var command = new PersistEvent(Event, async);
        for (var i = 0; i < count; i++) actor.Tell(command);
        return done.Task;
    }
}
