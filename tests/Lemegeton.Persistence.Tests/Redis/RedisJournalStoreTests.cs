using System.Text;
using Lemegeton.Persistence.Redis;
using Lemegeton.Persistence.Tests.Infrastructure;
using StackExchange.Redis;

namespace Lemegeton.Persistence.Tests.Redis;

/// <summary>The Redis journal store on its own: idempotence, conflicts, key layout, paging, deletes.</summary>
public sealed class RedisJournalStoreTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private readonly string _prefix = RedisServerFixture.NewKeyPrefix();
    private RedisJournalStore _store = null!;

    private IDatabase Db => redis.Connection.GetDatabase();

    public Task InitializeAsync()
    {
        _store = new RedisJournalStore(redis.Settings(_prefix));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private static JournalEntry Entry(string pid, long seq, string writer = "w-1", string? text = null, params string[] tags) =>
        new(pid, seq, "m", 4, Encoding.UTF8.GetBytes(text ?? $"{pid}-{seq}"), writer, 1_700_000_000_000 + seq, tags);

    private static IReadOnlyList<IReadOnlyList<JournalEntry>> Batch(params IReadOnlyList<JournalEntry>[] writes) => writes;

    private async Task<List<JournalEntry>> ReplayAll(string pid, RedisJournalStore? store = null)
    {
        var entries = new List<JournalEntry>();
        await (store ?? _store).ReplayAsync(pid, 1, long.MaxValue, long.MaxValue, entries.Add);
        return entries;
    }

    [Fact]
    public async Task A_batch_written_twice_is_stored_once()
    {
        var batch = Batch([Entry("a", 1)], [Entry("a", 2), Entry("a", 3)], [Entry("b", 1)]);
        await _store.WriteAsync(batch);
        await _store.WriteAsync(batch); // the caller's retry after a timeout it could not tell from a loss

        Assert.Equal([1L, 2, 3], (await ReplayAll("a")).Select(e => e.SequenceNr));
        Assert.Equal(3, await Db.StreamLengthAsync(_store.Keys.Journal("a")));
        Assert.Equal(1, await Db.StreamLengthAsync(_store.Keys.Journal("b")));
        Assert.Equal(3, await _store.ReadHighestSequenceNrAsync("a", 0));
    }

    [Fact]
    public async Task A_write_that_timed_out_after_Redis_received_it_and_is_retried_leaves_one_copy()
    {
        // The server holds every write for 600 ms; the first store gives up after 150 ms, but its
        // script is already on the server and runs when the pause ends. The retry runs after it.
        await using var impatient = new RedisJournalStore(redis.Settings(_prefix, writeTimeout: TimeSpan.FromMilliseconds(150)));
        var batch = Batch([Entry("t", 1), Entry("t", 2)]);
        await redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]).ExecuteAsync("CLIENT", "PAUSE", "600", "WRITE");

        var timedOut = await Assert.ThrowsAnyAsync<TimeoutException>(() => impatient.WriteAsync(batch));
        Assert.Contains("retrying it is safe", timedOut.Message);
        await _store.WriteAsync(batch);

        var entries = await ReplayAll("t");
        Assert.Equal([1L, 2], entries.Select(e => e.SequenceNr));
        Assert.Equal(2, await Db.StreamLengthAsync(_store.Keys.Journal("t")));
    }

    [Fact]
    public async Task A_second_writer_is_refused_and_nothing_of_its_write_is_stored()
    {
        await _store.WriteAsync(Batch([Entry("c", 1), Entry("c", 2)]));

        var conflict = await Assert.ThrowsAsync<JournalConflictException>(() =>
            _store.WriteAsync(Batch([Entry("c", 3, "w-2")], [Entry("c", 2, "w-2"), Entry("d", 1, "w-2")])));
        Assert.Equal("c", conflict.PersistenceId);
        Assert.Equal(2, conflict.SequenceNr);
        Assert.Contains("w-1", conflict.Message);
        Assert.Contains("w-2", conflict.Message);

        var entries = await ReplayAll("c");
        Assert.Equal([1L, 2], entries.Select(e => e.SequenceNr));
        Assert.All(entries, e => Assert.Equal("w-1", e.WriterGuid));
        Assert.Empty(await ReplayAll("d"));
        Assert.Equal(2, await _store.ReadHighestSequenceNrAsync("c", 0));
        Assert.Equal(0, await _store.ReadHighestSequenceNrAsync("d", 0));
    }

    [Fact]
    public async Task Concurrent_writes_each_get_their_own_outcome()
    {
        await _store.WriteAsync(Batch([Entry("x", 1)]));
        var writes = Enumerable.Range(1, 40).Select(i => _store.WriteAsync(Batch([Entry($"q{i}", 1), Entry($"q{i}", 2)]))).ToList();
        var refused = _store.WriteAsync(Batch([Entry("x", 1, "intruder")]));
        writes.AddRange(Enumerable.Range(41, 40).Select(i => _store.WriteAsync(Batch([Entry($"q{i}", 1), Entry($"q{i}", 2)]))));

        await Task.WhenAll(writes);
        await Assert.ThrowsAsync<JournalConflictException>(() => refused);
        for (var i = 1; i <= 80; i++)
            Assert.Equal(2, await _store.ReadHighestSequenceNrAsync($"q{i}", 0));
        Assert.Equal("w-1", Assert.Single(await ReplayAll("x")).WriterGuid);
    }

    [Fact]
    public async Task Group_commit_splits_at_max_batch_size_but_never_splits_a_write()
    {
        await using var small = new RedisJournalStore(redis.Settings(_prefix, maxBatchSize: 3));
        var writes = Enumerable.Range(1, 30).Select(i => small.WriteAsync(Batch([Entry($"s{i}", 1)], [Entry($"s{i}", 2)]))).ToList();
        writes.Add(small.WriteAsync(Batch([.. Enumerable.Range(1, 7).Select(i => Entry("big", i))])));
        await Task.WhenAll(writes);

        for (var i = 1; i <= 30; i++)
            Assert.Equal([1L, 2], (await ReplayAll($"s{i}", small)).Select(e => e.SequenceNr));
        Assert.Equal(7, (await ReplayAll("big", small)).Count);
    }

    [Fact]
    public async Task Disposing_waits_for_writes_already_accepted()
    {
        var closing = new RedisJournalStore(redis.Settings(_prefix, maxBatchSize: 4));
        var writes = Enumerable.Range(1, 25).Select(i => closing.WriteAsync(Batch([Entry("closing", i)]))).ToList();
        await closing.DisposeAsync();

        Assert.All(writes, w => Assert.True(w.IsCompletedSuccessfully));
        Assert.Equal(25, await _store.ReadHighestSequenceNrAsync("closing", 0));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => closing.WriteAsync(Batch([Entry("closing", 26)])));
    }

    [Fact]
    public async Task Keys_follow_the_documented_layout()
    {
        await _store.WriteAsync(Batch([Entry("pr:7", 1, tags: ["lease", "pr-7"]), Entry("pr:7", 2)]));

        var stream = _prefix + "journal:pr:7";
        Assert.Equal(RedisType.Stream, await Db.KeyTypeAsync(stream));
        var raw = await Db.StreamRangeAsync(stream);
        Assert.Equal(["1-0", "2-0"], raw.Select(e => (string)e.Id!));
        Assert.Equal(["w", "t", "s", "m", "p", "g"], raw[0].Values.Select(v => (string)v.Name!));
        Assert.Equal("lease\u001fpr-7", (string)raw[0]["g"]!);
        Assert.Equal(2, (long)await Db.HashGetAsync(_prefix + "journal-highest", "pr:7"));

        var replayed = await ReplayAll("pr:7");
        Assert.Equal(["lease", "pr-7"], replayed[0].Tags);
        Assert.Empty(replayed[1].Tags);
        Assert.Equal(("m", 4, "pr:7-1", "w-1", 1_700_000_000_001L), (replayed[0].Manifest, replayed[0].SerializerId, Encoding.UTF8.GetString(replayed[0].Payload.Span), replayed[0].WriterGuid, replayed[0].Timestamp));
    }

    [Fact]
    public async Task Replay_pages_through_long_streams_and_honours_max()
    {
        await using var paged = new RedisJournalStore(redis.Settings(_prefix) with { ReplayPageSize = 3 });
        await paged.WriteAsync(Batch([.. Enumerable.Range(1, 10).Select(i => Entry("long", i))]));

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), (await ReplayAll("long", paged)).Select(e => e.SequenceNr));
        var some = new List<long>();
        await paged.ReplayAsync("long", 2, 9, 7, e => some.Add(e.SequenceNr));
        Assert.Equal([2L, 3, 4, 5, 6, 7, 8], some);
        some.Clear();
        await paged.ReplayAsync("long", 4, 6, long.MaxValue, e => some.Add(e.SequenceNr));
        Assert.Equal([4L, 5, 6], some);
    }

    [Fact]
    public async Task Deleted_entries_stay_deleted_when_their_write_is_retried()
    {
        var batch = Batch([Entry("del", 1), Entry("del", 2), Entry("del", 3)]);
        await _store.WriteAsync(batch);
        await _store.DeleteToAsync("del", 2);
        await _store.WriteAsync(batch);

        Assert.Equal([3L], (await ReplayAll("del")).Select(e => e.SequenceNr));
        await _store.DeleteToAsync("del", long.MaxValue);
        Assert.Empty(await ReplayAll("del"));
        Assert.Equal(3, await _store.ReadHighestSequenceNrAsync("del", 0));

        await _store.WriteAsync(Batch([Entry("del", 4)]));
        Assert.Equal([4L], (await ReplayAll("del")).Select(e => e.SequenceNr));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_store_whose_Redis_is_absent_fails_its_write_within_the_timeout()
    {
        var settings = redis.Settings(_prefix, writeTimeout: TimeSpan.FromMilliseconds(300)) with
        {
            Endpoint = new RedisEndpoint(null, 0, Path.Combine(redis.Directory, "absent.sock"), null, 0, false),
            ConnectTimeout = TimeSpan.FromMilliseconds(300),
        };
        await using var orphan = new RedisJournalStore(settings);

        var error = await Assert.ThrowsAnyAsync<TimeoutException>(() => orphan.WriteAsync(Batch([Entry("z", 1)])));
        Assert.Contains("absent.sock", error.Message);
        Assert.Equal(0, await _store.ReadHighestSequenceNrAsync("z", 0));
    }
}
