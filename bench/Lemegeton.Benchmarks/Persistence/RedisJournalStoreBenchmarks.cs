using System.Text;
using BenchmarkDotNet.Attributes;
using Lemegeton.Persistence;
using Lemegeton.Persistence.Redis;
using StackExchange.Redis;

namespace Lemegeton.Benchmarks.Persistence;

/// <summary>
/// The Redis journal store without Akka: one writer awaiting each single-event write (the
/// plugin's share of a <c>Persist</c> round trip), the <c>journal-write</c> script called
/// directly, and a bare <c>EVALSHA</c> of a trivial script as the floor for one round trip to the
/// same server. One operation = one event / one call.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
[Config(typeof(InProcessShortConfig))]
[MemoryDiagnoser]
[MedianColumn]
public class RedisJournalStoreBenchmarks
{
    private const int Writes = 2_000;
    private readonly PersistenceRedisServer _redis = new();
    private RedisJournalStore _store = null!;
    private IDatabase _db = null!;
    private byte[] _payload = null!;
    private long _sequenceNr;

    [GlobalSetup]
    public void Setup()
    {
        _redis.StartAsync().GetAwaiter().GetResult();
        var settings = RedisPersistenceSettings.FromConfig(
            global::Akka.Configuration.ConfigurationFactory.ParseString($"connection-string = \"{_redis.SocketPath}\""),
            RedisPersistence.JournalPluginId);
        _store = new RedisJournalStore(settings);
        _db = _redis.Connection.GetDatabase();
        _payload = Encoding.UTF8.GetBytes(new string('e', 120));
        _db.ScriptEvaluate("return 1");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _redis.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = Writes)]
    public async Task StoreWrite_OneEventAtATime()
    {
        for (var i = 0; i < Writes; i++)
        {
            var entry = new JournalEntry("store", ++_sequenceNr, string.Empty, 1, _payload, "writer", 0, []);
            await _store.WriteAsync([[entry]]);
        }
    }

    [Benchmark(OperationsPerInvoke = Writes)]
    public async Task JournalScript_OneAtATime()
    {
        using var reader = new StreamReader(typeof(RedisPersistence).Assembly.GetManifestResourceStream("Lemegeton.Persistence.Redis.Scripts.journal-write.lua")!);
        var script = await reader.ReadToEndAsync();
        for (var i = 0; i < Writes; i++)
        {
            await _db.ScriptEvaluateAsync(script, ["x:journal-highest", "x:journal:p"], [1, 1, "p", ++_sequenceNr, "writer", 0, 1, "", _payload, ""]);
        }
    }

    [Benchmark(OperationsPerInvoke = Writes, Baseline = true)]
    public async Task BareEvalsha_OneAtATime()
    {
        for (var i = 0; i < Writes; i++) await _db.ScriptEvaluateAsync("return 1");
    }
}
