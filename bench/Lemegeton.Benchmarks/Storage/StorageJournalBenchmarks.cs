using BenchmarkDotNet.Attributes;
using Lemegeton.Storage.Journal;
using Lemegeton.Storage.Redis;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lemegeton.Benchmarks.Storage;

/// <summary>
/// Journal appends with group commit: 64 concurrent appenders, each awaiting its acknowledgement
/// before the next append. One operation = one acknowledged event.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
[MedianColumn]
public class StorageJournalBenchmarks
{
    private const int Appenders = 64;
    private const int PerAppender = 200;
    private readonly StorageRedisServer _redis = new();
    private readonly string _fileDir = Path.Combine(Path.GetTempPath(), $"lemegeton-bench-journal-{Guid.NewGuid():N}");
    private RedisKeys _keys = null!;
    private RedisJournal _redisJournal = null!;
    private FileJournal _fileJournal = null!;
    private JournalEvent _event = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        await _redis.StartAsync();
        _keys = new RedisKeys("bench");
        _redisJournal = new RedisJournal(_redis.Connection, _keys, new RedisJournalOptions());
        await _redisJournal.LoadScriptsAsync();
        _fileJournal = FileJournal.Open(_fileDir, new FileJournalOptions { Fsync = FsyncPolicy.Always }, TimeProvider.System, NullLogger<FileJournal>.Instance);
        _event = JournalEvents.LeaseGranted(new LeaseGrantedData("agent-12", "PR-042", ["src/Widgets/Widget.cs", "tests/Widgets/WidgetTests.cs"], 1234), DateTimeOffset.UnixEpoch);
    }

    [IterationCleanup]
    public void TrimStream() => _redis.Connection.GetDatabase().KeyDelete(_keys.Journal);

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _redisJournal.DisposeAsync();
        await _fileJournal.DisposeAsync();
        await _redis.DisposeAsync();
        Directory.Delete(_fileDir, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = Appenders * PerAppender)]
    public Task RedisAppend_64Appenders() => Run(_redisJournal);

    [Benchmark(OperationsPerInvoke = Appenders * PerAppender)]
    public Task FileAppend_FsyncAlways_64Appenders() => Run(_fileJournal);

    private Task Run(IJournal journal) =>
        Task.WhenAll(Enumerable.Range(0, Appenders).Select(async _ =>
        {
            for (var i = 0; i < PerAppender; i++) await journal.AppendAsync(_event);
        }));
}
