using System.Text.Json;
using Lemegeton.Storage.Journal;
using Lemegeton.Storage.Redis;
using Lemegeton.Storage.Tests.Infrastructure;
using StackExchange.Redis;

namespace Lemegeton.Storage.Tests.Journal;

[Collection(RedisCollection.Name)]
public sealed class RedisJournalTests(RedisServerFixture redis)
{
    private readonly RedisKeys _keys = RedisServerFixture.NewKeys();

    [Fact]
    public async Task Appends_are_numbered_and_read_back_in_order_as_envelopes()
    {
        await using var journal = new RedisJournal(redis.Connection, _keys, new RedisJournalOptions());
        var a = await journal.AppendAsync(Events.Numbered(1, JournalEventTypes.AgentRegistered));
        var b = await journal.AppendAsync(Events.Numbered(2, JournalEventTypes.LeaseGranted));

        Assert.Equal((1, 2), (a, b));
        var records = await journal.ReadAsync(0).ToListAsync();
        Assert.Equal([1L, 2L], records.Select(r => r.Seq));
        Assert.Equal([JournalEventTypes.AgentRegistered, JournalEventTypes.LeaseGranted], records.Select(r => r.Event.Type));
        Assert.Equal(DateTimeOffset.UnixEpoch.AddSeconds(2), records[1].Event.Time);

        var raw = await redis.Connection.GetDatabase().ExecuteAsync("XRANGE", _keys.Journal.ToString(), "-", "+");
        var first = (RedisResult[])((RedisResult[])raw!)[0]!;
        Assert.Equal("1-0", (string)first[0]!);
        using var envelope = JsonDocument.Parse((string)((RedisValue[])first[1]!)[1]!);
        Assert.Equal(["seq", "type", "time", "data"], envelope.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Concurrent_appends_are_group_committed_without_gaps_or_duplicates()
    {
        await using var journal = new RedisJournal(redis.Connection, _keys, new RedisJournalOptions { MaxBatch = 64 });
        var seqs = await Task.WhenAll(Enumerable.Range(0, 2000).Select(n => Task.Run(() => journal.AppendAsync(Events.Numbered(n)))));

        Assert.Equal(Enumerable.Range(1, 2000).Select(i => (long)i), seqs.Order());
        var records = await journal.ReadAsync(0).ToListAsync();
        Assert.Equal(2000, records.Count);
        Assert.Equal(Enumerable.Range(0, 2000), records.Select(Events.NumberOf).Order());
        // The seq a caller was given is the seq its event was stored under.
        var bySeq = records.ToDictionary(r => r.Seq, Events.NumberOf);
        Assert.Equal(2000, bySeq.Count);
        Assert.Equal(2000L, await journal.LastSequenceAsync());
    }

    [Fact]
    public async Task Reading_after_a_snapshot_returns_only_later_events()
    {
        await using var journal = new RedisJournal(redis.Connection, _keys, new RedisJournalOptions { ReadPageSize = 7 });
        for (var i = 1; i <= 30; i++) await journal.AppendAsync(Events.Numbered(i));
        await journal.SaveAsync(new JournalSnapshot(20, DateTimeOffset.UnixEpoch, JsonSerializer.SerializeToElement(new { prs = 3 })));

        var snapshot = await journal.LoadAsync();

        Assert.NotNull(snapshot);
        Assert.Equal(20, snapshot.Seq);
        Assert.Equal(3, snapshot.State.GetProperty("prs").GetInt32());
        Assert.Equal(Enumerable.Range(21, 10).Select(i => (long)i), await journal.ReadAsync(snapshot.Seq).Select(r => r.Seq).ToListAsync());
    }

    [Fact]
    public async Task Import_from_a_file_journal_happens_exactly_once_even_when_repeated_or_interrupted()
    {
        await using var journal = new RedisJournal(redis.Connection, _keys, new RedisJournalOptions());
        await journal.AppendAsync(Events.Numbered(0));
        var fileRecords = Enumerable.Range(1, 10).Select(i => new JournalRecord(i, Events.Numbered(i))).ToList();

        Assert.Equal(4, await journal.ImportAsync("file-a", fileRecords[..4]));   // interrupted after a first batch
        Assert.Equal(6, await journal.ImportAsync("file-a", fileRecords));        // run again in full
        Assert.Equal(0, await journal.ImportAsync("file-a", fileRecords));        // and once more

        var records = await journal.ReadAsync(0).ToListAsync();
        Assert.Equal(Enumerable.Range(0, 11), records.Select(Events.NumberOf));
        Assert.Equal("file-a/7", records[7].Origin);
        Assert.Equal(10L, await journal.ImportedUpToAsync("file-a"));
    }
}
