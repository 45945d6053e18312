using System.Text;
using Lemegeton.Persistence.Local.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using static Lemegeton.Persistence.Local.Tests.Infrastructure.Entries;

namespace Lemegeton.Persistence.Local.Tests;

public sealed class FileJournalStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new("local-journal");
    private readonly ListLogger _log = new();

    public void Dispose() => _dir.Dispose();

    private FileJournalStore Open(LocalJournalOptions? options = null) =>
        FileJournalStore.Open(_dir.Path, options ?? new LocalJournalOptions(), TimeProvider.System, _log);

    private string Segment(int n) => FileJournalStore.SegmentPath(_dir.Path, n);

    [Fact]
    public async Task Writes_replay_in_order_with_every_field_and_survive_reopen()
    {
        await using (var store = Open())
        {
            await store.WriteAsync([[Of("a", 1, tags: "t1")], [Of("a", 2), Of("a", 3)], [Of("b", 1)]]);
            Assert.Equal(3, await store.ReadHighestSequenceNrAsync("a", 0));
        }

        await using var reopened = Open();
        var a = await ReplayAll(reopened, "a");
        Assert.Equal(["a#1", "a#2", "a#3"], a.Select(Text));
        Assert.Equal(Of("a", 1).Timestamp, a[0].Timestamp);
        Assert.Equal(("evt", 7, "writer-1", "t1"), (a[0].Manifest, a[0].SerializerId, a[0].WriterGuid, Assert.Single(a[0].Tags)));
        Assert.Equal(["b#1"], (await ReplayAll(reopened, "b")).Select(Text));
        Assert.Equal(3, await reopened.ReadHighestSequenceNrAsync("a", 0));
        Assert.Equal(0, await reopened.ReadHighestSequenceNrAsync("nobody", 0));
        Assert.Empty(reopened.Damage);
    }

    [Fact]
    public async Task Replay_honours_from_to_and_max()
    {
        await using var store = Open();
        await store.WriteAsync([[Of("a", 1), Of("a", 2), Of("a", 3)], [Of("a", 4)], [Of("a", 5)]]);

        Assert.Equal(["a#2", "a#3", "a#4"], (await ReplayAll(store, "a", 2, 4)).Select(Text));
        Assert.Equal(["a#3", "a#4"], (await ReplayAll(store, "a", 3, 10, max: 2)).Select(Text));
        Assert.Empty(await ReplayAll(store, "a", 6, 10));
    }

    [Fact]
    public async Task A_retried_write_of_the_same_writer_is_a_no_op_and_another_writer_is_refused()
    {
        await using var store = Open();
        await store.WriteAsync(Singles("a", 1, 3));

        await store.WriteAsync([[Of("a", 2), Of("a", 3), Of("a", 4)]]); // retry overlapping what landed
        var conflict = await Assert.ThrowsAsync<JournalConflictException>(() => store.WriteAsync([[Of("a", 5)], [Of("a", 3, "writer-2")], [Of("a", 6)]]));

        Assert.Equal(3, conflict.SequenceNr);
        // The writes before the conflicting one were stored, the ones after it were not.
        Assert.Equal(["a#1", "a#2", "a#3", "a#4", "a#5"], (await ReplayAll(store, "a")).Select(Text));
        Assert.Equal(5, await store.ReadHighestSequenceNrAsync("a", 0));
    }

    [Fact]
    public async Task Deleting_hides_entries_but_keeps_the_highest_sequence_number_across_reopen()
    {
        await using (var store = Open())
        {
            await store.WriteAsync(Singles("a", 1, 4));
            await store.DeleteToAsync("a", 2);
            await store.DeleteToAsync("a", long.MaxValue);
            Assert.Empty(await ReplayAll(store, "a"));
            await store.WriteAsync(Singles("a", 5, 5));
        }

        await using var reopened = Open();
        Assert.Equal(["a#5"], (await ReplayAll(reopened, "a")).Select(Text));
        Assert.Equal(5, await reopened.ReadHighestSequenceNrAsync("a", 0));
        Assert.Equal(["a"], reopened.LivePersistenceIds());
    }

    [Fact]
    public async Task Concurrent_writers_are_group_committed_and_all_durable()
    {
        await using (var store = Open())
        {
            await Task.WhenAll(Enumerable.Range(0, 16).Select(async w =>
            {
                for (var s = 1; s <= 10; s++) await store.WriteAsync([[Of($"p{w}", s)]]);
            }));
        }

        await using var reopened = Open();
        for (var w = 0; w < 16; w++)
            Assert.Equal(Enumerable.Range(1, 10).Select(s => $"p{w}#{s}"), (await ReplayAll(reopened, $"p{w}")).Select(Text));
    }

    [Fact]
    public async Task Segments_roll_and_replay_spans_them()
    {
        var options = new LocalJournalOptions { SegmentMaxBytes = 1024 };
        await using (var store = Open(options))
            foreach (var write in Singles("a", 1, 60)) await store.WriteAsync([write]);

        Assert.True(File.Exists(Segment(3)));
        await using var reopened = Open(options);
        Assert.Equal(Enumerable.Range(1, 60).Select(s => $"a#{s}"), (await ReplayAll(reopened, "a")).Select(Text));
        Assert.Equal(["a#30"], (await ReplayAll(reopened, "a", 30, 30)).Select(Text));
    }

    [Fact]
    public async Task A_torn_tail_is_cut_with_a_warning_and_writing_continues()
    {
        await using (var store = Open()) await store.WriteAsync(Singles("a", 1, 3));
        var intact = new FileInfo(Segment(1)).Length;
        await using (var fs = new FileStream(Segment(1), FileMode.Append)) await fs.WriteAsync("0badf00d {\"pid\":\"a\",\"e\":[{\"s\":4"u8.ToArray());

        await using (var store = Open())
        {
            Assert.Empty(store.Damage);
            Assert.Equal(intact, new FileInfo(Segment(1)).Length);
            Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("torn tail", StringComparison.Ordinal));
            Assert.Equal(3, await store.ReadHighestSequenceNrAsync("a", 0));
            await store.WriteAsync(Singles("a", 4, 4));
        }

        await using var reopened = Open();
        Assert.Equal(["a#1", "a#2", "a#3", "a#4"], (await ReplayAll(reopened, "a")).Select(Text));
    }

    /// <summary>
    /// The hardening issue: one corrupted byte on line 5 of a 100-event fsynced segment used to leave
    /// 4 events (everything from the bad line on was cut as a "torn tail").
    /// </summary>
    [Fact]
    public async Task A_corrupted_line_in_the_middle_is_reported_and_quarantined_and_every_later_event_replays()
    {
        await using (var store = Open()) await store.WriteAsync(Singles("a", 1, 100));
        var original = await File.ReadAllBytesAsync(Segment(1));
        var corrupted = (byte[])original.Clone();
        var payload = IndexOf(corrupted, "\"p\":\""u8, LineStart(corrupted, 5)) + 5;
        corrupted[payload] = corrupted[payload] == (byte)'A' ? (byte)'B' : (byte)'A'; // still valid JSON, wrong checksum
        await File.WriteAllBytesAsync(Segment(1), corrupted);

        await using (var store = Open())
        {
            var damage = Assert.Single(store.Damage);
            Assert.Equal((5, "checksum mismatch"), (damage.Line, damage.Reason));
            Assert.Equal(new SequenceRange("a", 5, 5), damage.Claimed);
            Assert.Equal([new SequenceRange("a", 5, 5)], store.Missing);
            Assert.Equal(Enumerable.Range(1, 100).Where(s => s != 5).Select(s => $"a#{s}"), (await ReplayAll(store, "a")).Select(Text));
            Assert.Equal(100, await store.ReadHighestSequenceNrAsync("a", 0));
            Assert.Contains(_log.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("events a 5..5", StringComparison.Ordinal));

            // The segment is kept as it is, copied aside with a report, and not written to again.
            Assert.Equal(corrupted, await File.ReadAllBytesAsync(Segment(1)));
            var copy = Path.Combine(_dir.Path, "quarantine", Path.GetFileName(Segment(1)));
            Assert.Equal(corrupted, await File.ReadAllBytesAsync(copy));
            Assert.Contains("line 5", await File.ReadAllTextAsync(copy + ".damage.txt"), StringComparison.Ordinal);
            await store.WriteAsync(Singles("a", 101, 101));
        }

        Assert.Equal(corrupted, await File.ReadAllBytesAsync(Segment(1)));
        Assert.True(File.Exists(Segment(2)));
        await using var reopened = Open();
        Assert.Equal(99 + 1, (await ReplayAll(reopened, "a")).Count);
    }

    [Fact]
    public async Task An_unreadable_line_in_the_middle_is_reported_by_the_sequence_numbers_missing_around_it()
    {
        await using (var store = Open())
        {
            await store.WriteAsync([[Of("a", 1)], [Of("b", 1)], [Of("a", 2), Of("a", 3)], [Of("a", 4)]]);
        }
        var bytes = await File.ReadAllBytesAsync(Segment(1));
        var third = LineStart(bytes, 3);
        bytes[third + 9] = (byte)'#'; // the JSON's opening brace
        await File.WriteAllBytesAsync(Segment(1), bytes);

        await using var store2 = Open();
        var damage = Assert.Single(store2.Damage);
        Assert.Equal(3, damage.Line);
        Assert.Null(damage.Claimed);
        Assert.Equal([new SequenceRange("a", 2, 3)], store2.Missing);
        Assert.Equal(["a#1", "a#4"], (await ReplayAll(store2, "a")).Select(Text));
        Assert.Equal(["b#1"], (await ReplayAll(store2, "b")).Select(Text));
    }

    [Fact]
    public async Task A_complete_but_damaged_last_line_is_kept_as_damage_not_cut_and_its_number_is_not_reused()
    {
        await using (var store = Open()) await store.WriteAsync(Singles("a", 1, 3));
        var bytes = await File.ReadAllBytesAsync(Segment(1));
        var payload = IndexOf(bytes, "\"p\":\""u8, LineStart(bytes, 3)) + 5;
        bytes[payload] = bytes[payload] == (byte)'A' ? (byte)'B' : (byte)'A';
        await File.WriteAllBytesAsync(Segment(1), bytes);

        await using var reopened = Open();
        Assert.Equal(new SequenceRange("a", 3, 3), Assert.Single(reopened.Damage).Claimed);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Segment(1)));
        Assert.Equal(3, await reopened.ReadHighestSequenceNrAsync("a", 0));
        await Assert.ThrowsAsync<JournalConflictException>(() => reopened.WriteAsync(Singles("a", 3, 3)));
        await reopened.WriteAsync(Singles("a", 4, 4));
        Assert.Equal(["a#1", "a#2", "a#4"], (await ReplayAll(reopened, "a")).Select(Text));
    }

    [Fact]
    public async Task Damage_in_an_earlier_segment_does_not_stop_later_segments()
    {
        var options = new LocalJournalOptions { SegmentMaxBytes = 1024 };
        await using (var store = Open(options))
            foreach (var write in Singles("a", 1, 40)) await store.WriteAsync([write]);
        var bytes = await File.ReadAllBytesAsync(Segment(1));
        bytes[LineStart(bytes, 2) + 3] ^= 0x01;
        await File.WriteAllBytesAsync(Segment(1), bytes);

        await using var reopened = Open(options);
        Assert.Equal([new SequenceRange("a", 2, 2)], reopened.Missing);
        Assert.Equal(39, (await ReplayAll(reopened, "a")).Count);
        Assert.Equal(40, await reopened.ReadHighestSequenceNrAsync("a", 0));
    }

    private static int LineStart(byte[] bytes, int line)
    {
        var offset = 0;
        for (var i = 1; i < line; i++) offset = Array.IndexOf(bytes, (byte)'\n', offset) + 1;
        return offset;
    }

    private static int IndexOf(byte[] bytes, ReadOnlySpan<byte> value, int from) => from + bytes.AsSpan(from).IndexOf(value);
}
