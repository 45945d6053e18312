using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Lemegeton.Storage.Redis;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Storage.Journal;

/// <summary>
/// The journal on local files, for degraded and isolated modes: <c>.lemegeton/journal/</c> holds
/// segments <c>journal-000001.jsonl</c>, … with one line per event,
/// <c>{"seq":N,"crc":C,"event":{...}}</c>, where C is the CRC-32 of the event's bytes. A torn
/// tail (a crash mid-write) is detected and truncated on open, with a warning. The journal has a
/// random id (<c>journal.id</c>) so its events can be imported into Redis exactly once.
/// </summary>
public sealed partial class FileJournal : IJournal, ISnapshotStore
{
    private static readonly byte[] LinePrefix = "{\"seq\":"u8.ToArray();
    private static readonly byte[] CrcPart = ",\"crc\":"u8.ToArray();
    private static readonly byte[] EventPart = ",\"event\":"u8.ToArray();
    private static readonly byte[] LineEnd = "}\n"u8.ToArray();

    private readonly FileJournalOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly GroupCommitter<byte[]> _committer;
    private FileStream _segment;
    private int _segmentNumber;
    private long _lastSeq;
    private long _lastFsync;
    private long _segmentLength;
    private readonly MemoryStream _batch = new();

    private FileJournal(string directory, string id, int segmentNumber, long lastSeq, FileJournalOptions options, TimeProvider time, ILogger logger)
    {
        Directory = directory;
        JournalId = id;
        _options = options;
        _time = time;
        _logger = logger;
        _segmentNumber = segmentNumber;
        _lastSeq = lastSeq;
        _segment = OpenSegment(SegmentPath(directory, segmentNumber));
        _segmentLength = _segment.Length;
        _lastFsync = time.GetTimestamp();
        _committer = new GroupCommitter<byte[]>(WriteBatchAsync, options.MaxBatch);
    }

    public string Directory { get; }

    /// <summary>This journal's identity, used to import its events into Redis exactly once.</summary>
    public string JournalId { get; }

    /// <summary>The sequence number of the last event written.</summary>
    public long LastSequence => Interlocked.Read(ref _lastSeq);

    /// <summary>
    /// Opens (or creates) the journal in <paramref name="directory"/>, verifying every segment
    /// and truncating a torn tail of the last one.
    /// </summary>
    public static FileJournal Open(string directory, FileJournalOptions options, TimeProvider time, ILogger logger)
    {
        var dir = Path.GetFullPath(directory);
        UnixFiles.CreatePrivateDirectory(dir);
        var idPath = Path.Combine(dir, "journal.id");
        string id;
        if (File.Exists(idPath) && File.ReadAllText(idPath).Trim() is { Length: > 0 } existing) id = existing;
        else
        {
            id = Guid.NewGuid().ToString("N");
            UnixFiles.WritePrivateFile(idPath, id + "\n");
        }

        var segments = ListSegments(dir);
        long lastSeq = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            var isLast = i == segments.Count - 1;
            var scan = Scan(segments[i].Path, lastSeq);
            if (scan.Error is { } error)
            {
                if (!isLast) throw new JournalCorruptException(segments[i].Path, scan.ErrorLine, error);
                LogTornTail(logger, segments[i].Path, scan.ErrorLine, error, new FileInfo(segments[i].Path).Length - scan.ValidBytes);
                using var fs = new FileStream(segments[i].Path, FileMode.Open, FileAccess.Write);
                fs.SetLength(scan.ValidBytes);
                fs.Flush(flushToDisk: true);
            }
            lastSeq = scan.LastSeq;
        }
        var number = segments.Count == 0 ? 1 : segments[^1].Number;
        return new FileJournal(dir, id, number, lastSeq, options, time, logger);
    }

    public Task<long> AppendAsync(JournalEvent journalEvent, CancellationToken ct = default) =>
        _committer.EnqueueAsync(journalEvent.ToBodyUtf8(), ct);

    private Task<long> WriteBatchAsync(IReadOnlyList<byte[]> bodies)
    {
        var first = _lastSeq + 1;
        var seq = _lastSeq;
        _batch.SetLength(0);
        foreach (var body in bodies)
        {
            seq++;
            _batch.Write(LinePrefix);
            WriteNumber(_batch, seq);
            _batch.Write(CrcPart);
            WriteNumber(_batch, Crc32.Compute(body));
            _batch.Write(EventPart);
            _batch.Write(body);
            _batch.Write(LineEnd);
        }
        try
        {
            _segment.Write(_batch.GetBuffer(), 0, (int)_batch.Length);
            _segment.Flush(flushToDisk: false);
            var now = _time.GetTimestamp();
            if (_options.Fsync == FsyncPolicy.Always
                || (_options.Fsync == FsyncPolicy.Batch && _time.GetElapsedTime(_lastFsync, now) >= _options.FsyncInterval))
            {
                _segment.Flush(flushToDisk: true);
                _lastFsync = now;
            }
        }
        catch (IOException)
        {
            // Nothing of a failed batch is acknowledged: cut it off so later batches do not follow a torn line.
            RecoverSegment();
            throw;
        }
        _segmentLength += _batch.Length;
        Interlocked.Exchange(ref _lastSeq, seq);
        if (_segmentLength >= _options.SegmentMaxBytes) Roll();
        return Task.FromResult(first);
    }

    private void RecoverSegment()
    {
        var path = SegmentPath(Directory, _segmentNumber);
        try { _segment.Dispose(); } catch (IOException) { }
        try
        {
            using (var fs = new FileStream(path, FileMode.Open, FileAccess.Write)) fs.SetLength(_segmentLength);
        }
        catch (IOException) { }
        _segment = OpenSegment(path);
    }

    private void Roll()
    {
        _segment.Flush(flushToDisk: _options.Fsync != FsyncPolicy.Never);
        _segment.Dispose();
        _segmentNumber++;
        _segment = OpenSegment(SegmentPath(Directory, _segmentNumber));
        _segmentLength = 0;
    }

    public async IAsyncEnumerable<JournalRecord> ReadAsync(long afterSeq, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var upTo = LastSequence;
        foreach (var (path, _) in ListSegments(Directory))
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, useAsync: true);
            using var reader = new StreamReader(fs, Encoding.UTF8);
            while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
            {
                if (line.Length == 0) continue;
                JournalRecord record;
                try { record = ParseLine(line); }
                catch (JsonException) { yield break; } // a line being written right now
                if (record.Seq > upTo) yield break;
                if (record.Seq > afterSeq) yield return record;
            }
        }
    }

    public async Task SaveAsync(JournalSnapshot snapshot, CancellationToken ct = default)
    {
        var json = JsonSerializer.Serialize(new SnapshotFile(snapshot.Seq, snapshot.Time, snapshot.State), StorageJsonContext.Default.SnapshotFile);
        await Task.Run(() => UnixFiles.WritePrivateFile(Path.Combine(Directory, "snapshot.json"), json), ct).ConfigureAwait(false);
    }

    public async Task<JournalSnapshot?> LoadAsync(CancellationToken ct = default)
    {
        var path = Path.Combine(Directory, "snapshot.json");
        if (!File.Exists(path)) return null;
        var text = await File.ReadAllTextAsync(path, ct).ConfigureAwait(false);
        try
        {
            var s = JsonSerializer.Deserialize(text, StorageJsonContext.Default.SnapshotFile);
            return s is null ? null : new JournalSnapshot(s.Seq, s.Time, s.State);
        }
        catch (JsonException ex)
        {
            LogBadSnapshot(_logger, path, ex.Message);
            return null;
        }
    }

    /// <summary>Writes what is queued, forces it to disk and closes the segment.</summary>
    public async ValueTask DisposeAsync()
    {
        await _committer.DisposeAsync().ConfigureAwait(false);
        _segment.Flush(flushToDisk: _options.Fsync != FsyncPolicy.Never);
        await _segment.DisposeAsync().ConfigureAwait(false);
    }

    internal sealed record SnapshotFile(long Seq, DateTimeOffset Time, JsonElement State);

    private static JournalRecord ParseLine(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        return new JournalRecord(root.GetProperty("seq").GetInt64(), JournalEvent.FromJson(root.GetProperty("event")));
    }

    private readonly record struct ScanResult(long LastSeq, long ValidBytes, string? Error, int ErrorLine);

    /// <summary>Checks each line (complete, valid JSON, CRC matches, seq follows); stops at the first bad one.</summary>
    private static ScanResult Scan(string path, long previousSeq)
    {
        var bytes = File.ReadAllBytes(path);
        long offset = 0;
        var seq = previousSeq;
        var lineNo = 0;
        while (offset < bytes.Length)
        {
            lineNo++;
            var end = Array.IndexOf(bytes, (byte)'\n', (int)offset);
            if (end < 0) return new ScanResult(seq, offset, "incomplete last line (no newline)", lineNo);
            var line = bytes.AsSpan((int)offset, (int)(end - offset));
            try
            {
                using var doc = JsonDocument.Parse(line.ToArray());
                var root = doc.RootElement;
                var lineSeq = root.GetProperty("seq").GetInt64();
                var crc = root.GetProperty("crc").GetUInt32();
                var body = root.GetProperty("event");
                var raw = Encoding.UTF8.GetBytes(body.GetRawText());
                if (Crc32.Compute(raw) != crc) return new ScanResult(seq, offset, "checksum mismatch", lineNo);
                if (seq != 0 && lineSeq != seq + 1) return new ScanResult(seq, offset, $"sequence {lineSeq} does not follow {seq}", lineNo);
                seq = lineSeq;
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
            {
                return new ScanResult(seq, offset, "unreadable line: " + ex.Message, lineNo);
            }
            offset = end + 1;
        }
        return new ScanResult(seq, offset, null, 0);
    }

    private static List<(string Path, int Number)> ListSegments(string dir) =>
        System.IO.Directory.EnumerateFiles(dir, "journal-*.jsonl")
            .Select(p => (Path: p, Number: int.TryParse(System.IO.Path.GetFileNameWithoutExtension(p).AsSpan("journal-".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1))
            .Where(s => s.Number > 0)
            .OrderBy(s => s.Number)
            .ToList();

    private static string SegmentPath(string dir, int number) =>
        Path.Combine(dir, $"journal-{number.ToString("D6", CultureInfo.InvariantCulture)}.jsonl");

    private static FileStream OpenSegment(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read, BufferSize = 1 << 16 };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFiles.PrivateFile;
        return new FileStream(path, options);
    }

    private static void WriteNumber(Stream s, long value)
    {
        Span<byte> buf = stackalloc byte[20];
        value.TryFormat(buf, out var n, default, CultureInfo.InvariantCulture);
        s.Write(buf[..n]);
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "File journal {Path} had a torn tail at line {Line} ({Reason}): truncated {Bytes} byte(s); events after the last complete line were never acknowledged")]
    private static partial void LogTornTail(ILogger logger, string path, int line, string reason, long bytes);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Snapshot {Path} is unreadable ({Reason}): replaying the whole journal instead")]
    private static partial void LogBadSnapshot(ILogger logger, string path, string reason);
}
