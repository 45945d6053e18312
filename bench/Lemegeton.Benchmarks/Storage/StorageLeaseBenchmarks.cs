using BenchmarkDotNet.Attributes;
using Lemegeton.Storage.Leases;
using Lemegeton.Storage.Redis;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lemegeton.Benchmarks.Storage;

/// <summary>
/// Lease throughput: 50 concurrent callers in one process (one multiplexer, Unix socket), each an
/// agent session acquiring 5 files for its PR and releasing them, over and over, with the durable
/// fencing high-water mark on (as the hub runs). One operation = one acquire + release cycle. The raw
/// redis-benchmark figure for the same two scripts on the same server is printed in the log
/// ("// redis-benchmark ...").
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
[MedianColumn]
public class StorageLeaseBenchmarks
{
    private const int Callers = 50;
    private const int CyclesPerCaller = 40;
    private readonly StorageRedisServer _redis = new();
    private RedisLeaseStore _store = null!;
    private string[][] _files = null!;

    // Synchronous setup and cleanup: the in-process toolchain (--inProcess, for a machine too busy
    // to build the out-of-process runner in time) does not await Task-returning ones.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        await _redis.StartAsync();
        var repo = Path.GetTempPath();
        var options = new LeaseOptions { FencingWatermarkPath = Path.Combine(_redis.StateDirectory, "fencing-ceiling") };
        _store = new RedisLeaseStore(_redis.Connection, new RedisKeys("bench"), new RepositoryLeasePathPolicy(repo, pairedLocking: false), options, NullLogger<RedisLeaseStore>.Instance);
        await _store.LoadScriptsAsync();
        _files = Enumerable.Range(0, Callers).Select(c => Enumerable.Range(0, 5).Select(f => $"src/caller{c}/file{f}.cs").ToArray()).ToArray();
        Console.WriteLine("// " + await RedisBenchmarkBaseline.MeasureLeaseCycleAsync(_redis.Server, 100_000));
    }

    private async Task CleanupAsync()
    {
        Console.WriteLine("// " + await PairedRatioAsync(rounds: 7));
        Console.WriteLine("// " + await RedisBenchmarkBaseline.MeasureLeaseCycleAsync(_redis.Server, 100_000));
        _store.Dispose();
        await _redis.DisposeAsync();
    }

    /// <summary>
    /// The target is a ratio, and a shared machine's load drifts within seconds: so alternate
    /// short rounds — redis-benchmark (20,000 acquires, then 20,000 releases), then the store
    /// (50 callers × 100 cycles) — and report each round's ratio and their median.
    /// </summary>
    private async Task<string> PairedRatioAsync(int rounds)
    {
        var ratios = new List<double>();
        var detail = new List<string>();
        for (var r = 0; r < rounds; r++)
        {
            var (_, _, raw) = await RedisBenchmarkBaseline.MeasureAsync(_redis.Server, 20_000);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            for (var k = 0; k < 100 / CyclesPerCaller + 1; k++) await AcquireRelease5Files_50Callers();
            var store = Callers * CyclesPerCaller * (100 / CyclesPerCaller + 1) / watch.Elapsed.TotalSeconds;
            ratios.Add(store / raw);
            detail.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{store:0}/{raw:0}"));
        }
        var median = ratios.Order().ElementAt(ratios.Count / 2);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"paired rounds, store/redis-benchmark cycles/s: {string.Join(", ", detail)}; median ratio {median:P0}");
    }

    [Benchmark(OperationsPerInvoke = Callers * CyclesPerCaller)]
    public Task AcquireRelease5Files_50Callers() =>
        Task.WhenAll(Enumerable.Range(0, Callers).Select(CallerAsync));

    private async Task CallerAsync(int caller)
    {
        var owner = new LeaseOwner("agent-" + caller, "session-" + caller, "PR-" + caller);
        var files = _files[caller];
        for (var i = 0; i < CyclesPerCaller; i++)
        {
            var grant = await _store.AcquireAsync(owner, files);
            if (!grant.Granted) throw new InvalidOperationException("benchmark callers never conflict");
            await _store.ReleaseAsync(owner, grant.Files);
        }
    }
}
