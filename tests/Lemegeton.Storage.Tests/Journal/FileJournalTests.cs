using System.Text;
using System.Text.Json;
using Lemegeton.Storage.Journal;
using Lemegeton.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Storage.Tests.Journal;

public sealed class FileJournalTests : IDisposable
{
    private readonly TempDirectory _dir = new("journal");
    private readonly ListLogger<FileJournal> _log = new();

    public void Dispose() => _dir.Dispose();

    private FileJournal Open(FileJournalOptions? options = null) =>
        FileJournal.Open(_dir.Path, options ?? new FileJournalOptions(), TimeProvider.System, _log);

    private string Segment(int n) => Path.Combine(_dir.Path, $"journal-{n:000000}.jsonl");

    [Fact]
    public async Task Appends_survive_reopening_and_numbering_continues()
    {
        await using (var journal = Open())
        {
            var seqs = await Task.WhenAll(Enumerable.Range(1, 100).Select(n => journal.AppendAsync(Events.Numbered(n))));
            Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), seqs.Order());
        }
        await using var reopened = Open();
        Assert.Equal(101, await reopened.AppendAsync(Events.Numbered(101)));
        var records = await reopened.ReadAsync(0).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 101).Select(i => (long)i), records.Select(r => r.Seq));
        Assert.Equal(Enumerable.Range(1, 101), records.Select(Events.NumberOf).Order());
    }

    [Fact]
    public async Task Each_line_is_seq_crc_and_event()
    {
        await using (var journal = Open()) await journal.AppendAsync(Events.Numbered(7));
        var line = File.ReadAllLines(Segment(1)).Single();
        using var doc = JsonDocument.Parse(line);

        Assert.Equal(["seq", "crc", "event"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Crc32.Compute(Encoding.UTF8.GetBytes(doc.RootElement.GetProperty("event").GetRawText())), doc.RootElement.GetProperty("crc").GetUInt32());
    }

    [Fact]
    public void Crc32_matches_the_standard_check_value()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
    }

    [Fact]
    public async Task A_torn_tail_is_truncated_on_open_with_a_warning()
    {
        await using (var journal = Open())
            for (var i = 1; i <= 5; i++) await journal.AppendAsync(Events.Numbered(i));
        var goodLength = new FileInfo(Segment(1)).Length;
        await File.AppendAllTextAsync(Segment(1), "{\"seq\":6,\"crc\":12,\"event\":{\"type\":\"PrAss");

        await using var reopened = Open();

        Assert.Equal(goodLength, new FileInfo(Segment(1)).Length);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("torn tail") && e.Message.Contains(Segment(1)));
        Assert.Equal(6, await reopened.AppendAsync(Events.Numbered(6)));
        Assert.Equal(Enumerable.Range(1, 6), await reopened.ReadAsync(0).Select(Events.NumberOf).ToListAsync());
    }

    [Fact]
    public async Task A_last_line_with_a_bad_checksum_is_cut_off()
    {
        await using (var journal = Open())
            for (var i = 1; i <= 3; i++) await journal.AppendAsync(Events.Numbered(i));
        var lines = File.ReadAllLines(Segment(1));
        lines[2] = lines[2].Replace("\"n\":3", "\"n\":9");
        File.WriteAllText(Segment(1), string.Join("\n", lines) + "\n");

        await using var reopened = Open();

        Assert.Equal(2, reopened.LastSequence);
        Assert.Contains(_log.Entries, e => e.Message.Contains("checksum mismatch"));
    }

    [Fact]
    public async Task Damage_before_the_last_segment_is_reported_with_file_and_line()
    {
        await using (var journal = Open(new FileJournalOptions { SegmentMaxBytes = 400 }))
            for (var i = 1; i <= 20; i++) await journal.AppendAsync(Events.Numbered(i));
        Assert.True(File.Exists(Segment(2)));
        var lines = File.ReadAllLines(Segment(1));
        lines[0] = "garbage";
        File.WriteAllText(Segment(1), string.Join("\n", lines) + "\n");

        var ex = Assert.Throws<JournalCorruptException>(() => Open());

        Assert.Equal(Segment(1), ex.Path);
        Assert.Equal(1, ex.Line);
        Assert.Contains($"{Segment(1)}:1:", ex.Message);
    }

    [Fact]
    public async Task Segments_roll_over_and_are_read_in_order()
    {
        await using (var journal = Open(new FileJournalOptions { SegmentMaxBytes = 500, MaxBatch = 3 }))
            for (var i = 1; i <= 40; i++) await journal.AppendAsync(Events.Numbered(i));
        Assert.True(Directory.GetFiles(_dir.Path, "journal-*.jsonl").Length > 3);

        await using var reopened = Open();
        Assert.Equal(Enumerable.Range(11, 30).Select(i => (long)i), await reopened.ReadAsync(10).Select(r => r.Seq).ToListAsync());
    }

    [Theory]
    [InlineData(FsyncPolicy.Always)]
    [InlineData(FsyncPolicy.Batch)]
    [InlineData(FsyncPolicy.Never)]
    public async Task Every_fsync_policy_keeps_what_was_acknowledged_across_a_reopen(FsyncPolicy policy)
    {
        await using (var journal = Open(new FileJournalOptions { Fsync = policy }))
            await Task.WhenAll(Enumerable.Range(1, 50).Select(n => journal.AppendAsync(Events.Numbered(n))));
        await using var reopened = Open();
        Assert.Equal(50, reopened.LastSequence);
    }

    [Fact]
    public async Task Files_are_private_to_the_owner()
    {
        await using (var journal = Open()) await journal.AppendAsync(Events.Numbered(1));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_dir.Path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Segment(1)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_dir.Path, "journal.id")));
    }

    [Fact]
    public async Task Snapshot_round_trips_and_a_damaged_one_is_ignored()
    {
        await using var journal = Open();
        await journal.SaveAsync(new JournalSnapshot(12, DateTimeOffset.UnixEpoch, JsonSerializer.SerializeToElement(new { hot = 2 })));
        var loaded = await journal.LoadAsync();
        Assert.Equal(12, loaded!.Seq);
        Assert.Equal(2, loaded.State.GetProperty("hot").GetInt32());

        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "snapshot.json"), "{\"seq\":");
        Assert.Null(await journal.LoadAsync());
    }
}
