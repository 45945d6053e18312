using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace Lemegeton.Persistence.Local;

/// <summary>
/// The local journal store: a directory of append-only segments <c>journal-000001.log</c>, … in the
/// <see cref="JournalLine"/> format (one line per atomic write, CRC-32 per line), with an in-memory
/// index per persistence id rebuilt at open. Writes are group-committed: whatever requests are
/// queued go to disk in one write and (per <see cref="FsyncPolicy"/>) one fsync, and each request
/// completes only after that.
/// </summary>
/// <remarks>
/// At open every line is checked. Only a torn tail — an incomplete last line of the last segment,
/// left by a crash during a write that was therefore never acknowledged — is cut. Any other bad
/// line is reported as a <see cref="JournalDamage"/>, skipped, and its segment copied to
/// <c>quarantine/</c> (never deleted); every valid line after it is still replayed, and the
/// sequence numbers it held are reported (<see cref="Missing"/>). A damaged last segment is not
/// appended to again: new writes start a new segment.
/// </remarks>
public sealed partial class FileJournalStore : IJournalStore
{
    private const string SegmentPrefix = "journal-";
    private const string SegmentExtension = ".log";
    private const int ReadChunk = 1 << 16;

    private readonly LocalJournalOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, PersistenceIdIndex> _index;
    private readonly Dictionary<int, SafeFileHandle> _readHandles = [];
    private readonly Channel<Request> _queue = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private readonly ArrayBufferWriter<byte> _scratch = new(1 << 12);
    private readonly ITimer? _fsyncTimer;
    private readonly Task _loop;
    private SafeFileHandle _active;
    private int _activeNumber;
    private long _activeLength;
    private long _lastFsync;
    private bool _dirty;
    private bool _disposed;

    private FileJournalStore(string directory, Dictionary<string, PersistenceIdIndex> index, int activeNumber, IReadOnlyList<JournalDamage> damage, IReadOnlyList<SequenceRange> missing, LocalJournalOptions options, TimeProvider time, ILogger logger)
    {
        Directory = directory;
        _index = index;
        Damage = damage;
        Missing = missing;
        _options = options;
        _time = time;
        _logger = logger;
        _activeNumber = activeNumber;
        _active = OpenSegment(SegmentPath(directory, activeNumber), out _activeLength);
        _lastFsync = time.GetTimestamp();
        if (options.Fsync == FsyncPolicy.Batch)
            _fsyncTimer = time.CreateTimer(_ => FsyncIfDirty(), null, options.FsyncInterval, options.FsyncInterval);
        _loop = Task.Run(CommitLoopAsync);
    }

    /// <summary>The journal's directory.</summary>
    public string Directory { get; }

    /// <summary>Bad lines found at open (empty for a healthy journal).</summary>
    public IReadOnlyList<JournalDamage> Damage { get; }

    /// <summary>Sequence numbers that were in damaged lines, as far as they can be told: claimed by a
    /// damaged line whose JSON still reads, or missing between two valid lines of the same id.</summary>
    public IReadOnlyList<SequenceRange> Missing { get; }

    /// <summary>Persistence ids that have entries not deleted.</summary>
    public IReadOnlyList<string> LivePersistenceIds()
    {
        lock (_lock)
            return [.. _index.Where(p => p.Value.Lines.Count > 0 && p.Value.Lines[^1].LastSeq > p.Value.DeletedTo).Select(p => p.Key)];
    }

    /// <summary>Opens (or creates) the journal in <paramref name="directory"/>, checking every line.</summary>
    public static FileJournalStore Open(string directory, LocalJournalOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SegmentMaxBytes, 1024L, nameof(options.SegmentMaxBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatch, 1, nameof(options.MaxBatch));
        var dir = Path.GetFullPath(directory);
        CreatePrivateDirectory(dir);
        var index = new Dictionary<string, PersistenceIdIndex>(StringComparer.Ordinal);
        var damage = new List<JournalDamage>();
        var claimed = new List<SequenceRange>();
        var segments = ListSegments(dir);
        var lastDamaged = false;
        for (var i = 0; i < segments.Count; i++)
        {
            var (path, number) = segments[i];
            var before = damage.Count;
            Scan(path, number, isLast: i == segments.Count - 1, index, damage, claimed, logger);
            if (damage.Count > before)
            {
                Quarantine(dir, path, damage.Skip(before).ToList(), logger);
                lastDamaged = i == segments.Count - 1;
            }
        }

        // A damaged line's sequence numbers stay taken: a new event must never reuse one.
        foreach (var c in claimed)
        {
            if (!index.TryGetValue(c.PersistenceId, out var entry)) index[c.PersistenceId] = entry = new PersistenceIdIndex();
            entry.Highest = Math.Max(entry.Highest, c.To);
        }

        var missing = new List<SequenceRange>(claimed);
        foreach (var (pid, entry) in index)
        {
            for (var i = 1; i < entry.Lines.Count; i++)
            {
                var gapFrom = entry.Lines[i - 1].LastSeq + 1;
                var gapTo = entry.Lines[i].FirstSeq - 1;
                if (gapFrom <= gapTo && !claimed.Any(c => c.PersistenceId == pid && c.From <= gapFrom && c.To >= gapTo))
                    missing.Add(new SequenceRange(pid, gapFrom, gapTo));
            }
        }
        foreach (var range in missing)
            LogMissing(logger, range.PersistenceId, range.From, range.To, dir);

        var active = segments.Count == 0 ? 1 : lastDamaged ? segments[^1].Number + 1 : segments[^1].Number;
        return new FileJournalStore(dir, index, active, damage, missing, options, time, logger);
    }

    public Task WriteAsync(IReadOnlyList<IReadOnlyList<JournalEntry>> atomicWrites, CancellationToken ct = default) =>
        Enqueue(new Request(atomicWrites, null, 0), ct);

    public Task DeleteToAsync(string persistenceId, long toSequenceNr, CancellationToken ct = default) =>
        Enqueue(new Request(null, persistenceId, toSequenceNr), ct);

    private Task Enqueue(Request request, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (!_queue.Writer.TryWrite(request))
            throw new ObjectDisposedException(nameof(FileJournalStore), "The local journal is closed.");
        return request.Completion.Task;
    }

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken ct = default)
    {
        lock (_lock)
            return Task.FromResult(_index.TryGetValue(persistenceId, out var entry) ? entry.Highest : 0L);
    }

    public async Task ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<JournalEntry> onEntry, CancellationToken ct = default)
    {
        if (max <= 0 || toSequenceNr < fromSequenceNr) return;
        List<LineRef> lines;
        long deletedTo;
        lock (_lock)
        {
            if (!_index.TryGetValue(persistenceId, out var entry)) return;
            deletedTo = entry.DeletedTo;
            var from = Math.Max(fromSequenceNr, deletedTo + 1);
            lines = [];
            for (var i = entry.FirstEndingAtOrAfter(from); i < entry.Lines.Count && entry.Lines[i].FirstSeq <= toSequenceNr; i++)
                lines.Add(entry.Lines[i]);
        }

        // Lines of one id usually sit next to each other: read them in chunks, not one call per line.
        long delivered = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(ReadChunk);
        var chunkSegment = -1;
        long chunkOffset = 0;
        var chunkLength = 0;
        try
        {
            foreach (var line in lines)
            {
                ct.ThrowIfCancellationRequested();
                var (path, handle) = ReadHandle(line.Segment);
                if (line.Segment != chunkSegment || line.Offset < chunkOffset || line.Offset + line.Length > chunkOffset + chunkLength)
                {
                    var want = Math.Max(ReadChunk, line.Length);
                    if (buffer.Length < want)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = ArrayPool<byte>.Shared.Rent(want);
                    }
                    chunkSegment = line.Segment;
                    chunkOffset = line.Offset;
                    chunkLength = 0;
                    while (chunkLength < line.Length)
                    {
                        var n = await RandomAccess.ReadAsync(handle, buffer.AsMemory(chunkLength, want - chunkLength), chunkOffset + chunkLength, ct).ConfigureAwait(false);
                        if (n == 0) throw new LocalJournalCorruptException(path, line.Offset, "the segment is shorter than its index says");
                        chunkLength += n;
                    }
                }
                var parsed = Decode(path, line.Offset, buffer.AsSpan((int)(line.Offset - chunkOffset), line.Length));
                foreach (var e in parsed.Entries)
                {
                    if (e.SequenceNr < fromSequenceNr || e.SequenceNr <= deletedTo) continue;
                    if (e.SequenceNr > toSequenceNr) return;
                    onEntry(e);
                    if (++delivered >= max) return;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static JournalLine.Parsed Decode(string path, long offset, ReadOnlySpan<byte> bytes)
    {
        var body = bytes[^1] == (byte)'\n' ? bytes[..^1] : bytes;
        if (JournalLine.Verify(body, out var json) is { } reason)
            throw new LocalJournalCorruptException(path, offset, reason);
        try
        {
            return JournalLine.Parse(json, withPayloads: true);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new LocalJournalCorruptException(path, offset, "unreadable line: " + ex.Message);
        }
    }

    private (string Path, SafeFileHandle Handle) ReadHandle(int segment)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var path = SegmentPath(Directory, segment);
            if (!_readHandles.TryGetValue(segment, out var handle))
            {
                handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.Asynchronous);
                _readHandles[segment] = handle;
            }
            return (path, handle);
        }
    }

    private async Task CommitLoopAsync()
    {
        var batch = new List<Request>(_options.MaxBatch);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _options.MaxBatch && reader.TryRead(out var request)) batch.Add(request);
            CommitBatch(batch);
            batch.Clear();
        }
    }

    /// <summary>Encodes the batch against the index (idempotence and conflicts), writes it once, fsyncs per policy, then publishes it to the index.</summary>
    private void CommitBatch(List<Request> batch)
    {
        var staged = new Dictionary<string, Staged>(StringComparer.Ordinal);
        _buffer.ResetWrittenCount();
        foreach (var request in batch)
        {
            try
            {
                if (request.Writes is { } writes) Stage(writes, staged);
                else StageDeletion(request.PersistenceId!, request.DeleteTo, staged);
            }
            catch (Exception ex) when (ex is JournalConflictException or ArgumentException)
            {
                // What this request staged before the failing write stays: a prefix, as the contract allows.
                request.Error = ex;
            }
        }

        if (_buffer.WrittenCount > 0)
        {
            try
            {
                RandomAccess.Write(_active, _buffer.WrittenSpan, _activeLength);
                var now = _time.GetTimestamp();
                if (_options.Fsync == FsyncPolicy.Always
                    || (_options.Fsync == FsyncPolicy.Batch && _time.GetElapsedTime(_lastFsync, now) >= _options.FsyncInterval))
                {
                    RandomAccess.FlushToDisk(_active);
                    _lastFsync = now;
                }
                else
                {
                    _dirty = true;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Nothing of a failed batch is acknowledged: cut it off so later batches do not follow a torn line.
                try { RandomAccess.SetLength(_active, _activeLength); }
                catch (IOException) { }
                LogWriteFailed(_logger, SegmentPath(Directory, _activeNumber), ex.Message);
                foreach (var request in batch) request.Completion.TrySetException(ex);
                return;
            }

            lock (_lock)
            {
                foreach (var (pid, s) in staged)
                {
                    if (!_index.TryGetValue(pid, out var entry)) _index[pid] = entry = new PersistenceIdIndex();
                    entry.Lines.AddRange(s.Lines);
                    entry.Highest = Math.Max(entry.Highest, s.Highest);
                    entry.DeletedTo = Math.Max(entry.DeletedTo, s.DeletedTo);
                }
            }
            _activeLength += _buffer.WrittenCount;
        }

        foreach (var request in batch)
        {
            if (request.Error is { } error) request.Completion.TrySetException(error);
            else request.Completion.TrySetResult();
        }

        if (_activeLength >= _options.SegmentMaxBytes) Roll();
    }

    private void Stage(IReadOnlyList<IReadOnlyList<JournalEntry>> writes, Dictionary<string, Staged> staged)
    {
        foreach (var write in writes)
        {
            if (write.Count == 0) continue;
            var pid = write[0].PersistenceId;
            var s = StagedFor(pid, staged);
            var fresh = new List<JournalEntry>(write.Count);
            foreach (var e in write)
            {
                if (e.PersistenceId != pid)
                    throw new ArgumentException($"An atomic write mixes persistence ids {pid} and {e.PersistenceId}.", nameof(writes));
                if (e.SequenceNr > s.Highest)
                {
                    if (fresh.Count > 0 && e.SequenceNr != fresh[^1].SequenceNr + 1)
                        throw new ArgumentException($"Sequence numbers of an atomic write of {pid} are not consecutive ({fresh[^1].SequenceNr}, {e.SequenceNr}).", nameof(writes));
                    fresh.Add(e);
                    continue;
                }
                // Already stored (a retry): the same writer's entry makes this a no-op, another writer's is a conflict.
                var stored = s.Lines.LastOrDefault(l => l.FirstSeq <= e.SequenceNr && e.SequenceNr <= l.LastSeq) ?? s.Existing?.Find(e.SequenceNr);
                if (stored is null)
                    throw new JournalConflictException(pid, e.SequenceNr, "(unreadable: in a damaged line)", e.WriterGuid);
                if (!string.Equals(stored.Writer, e.WriterGuid, StringComparison.Ordinal))
                    throw new JournalConflictException(pid, e.SequenceNr, stored.Writer, e.WriterGuid);
            }
            if (fresh.Count == 0) continue;
            var offset = _activeLength + _buffer.WrittenCount;
            JournalLine.WriteEntries(_buffer, _scratch, pid, fresh);
            var length = (int)(_activeLength + _buffer.WrittenCount - offset);
            s.Lines.Add(new LineRef(_activeNumber, offset, length, fresh[0].SequenceNr, fresh[^1].SequenceNr, fresh[0].WriterGuid));
            s.Highest = fresh[^1].SequenceNr;
        }
    }

    private void StageDeletion(string pid, long toSequenceNr, Dictionary<string, Staged> staged)
    {
        var s = StagedFor(pid, staged);
        var to = Math.Min(toSequenceNr, s.Highest);
        if (to <= s.DeletedTo) return;
        JournalLine.WriteDeletion(_buffer, _scratch, pid, to);
        s.DeletedTo = to;
    }

    private Staged StagedFor(string pid, Dictionary<string, Staged> staged)
    {
        if (!staged.TryGetValue(pid, out var s))
        {
            // Only the commit loop changes the index, so reading it here without the lock is safe.
            _index.TryGetValue(pid, out var existing);
            staged[pid] = s = new Staged(existing) { Highest = existing?.Highest ?? 0, DeletedTo = existing?.DeletedTo ?? 0 };
        }
        return s;
    }

    private void Roll()
    {
        if (_options.Fsync != FsyncPolicy.Never) RandomAccess.FlushToDisk(_active);
        var next = OpenSegment(SegmentPath(Directory, _activeNumber + 1), out var length);
        lock (_lock)
        {
            _active.Dispose();
            _active = next;
            _activeNumber++;
            _activeLength = length;
            _dirty = false;
        }
    }

    private void FsyncIfDirty()
    {
        lock (_lock)
        {
            if (!_dirty || _disposed) return;
            try
            {
                RandomAccess.FlushToDisk(_active);
                _dirty = false;
            }
            catch (IOException ex)
            {
                LogWriteFailed(_logger, SegmentPath(Directory, _activeNumber), ex.Message);
            }
        }
    }

    /// <summary>Writes what is queued, forces it to disk (unless the policy is never) and closes the segments.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        if (_fsyncTimer is not null) await _fsyncTimer.DisposeAsync().ConfigureAwait(false);
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            if (_options.Fsync != FsyncPolicy.Never) RandomAccess.FlushToDisk(_active);
            _active.Dispose();
            foreach (var handle in _readHandles.Values) handle.Dispose();
            _readHandles.Clear();
        }
    }

    /// <summary>Checks each line of a segment and indexes the valid ones.</summary>
    private static void Scan(string path, int number, bool isLast, Dictionary<string, PersistenceIdIndex> index, List<JournalDamage> damage, List<SequenceRange> claimed, ILogger logger)
    {
        var bytes = File.ReadAllBytes(path);
        var offset = 0;
        var lineNo = 0;
        while (offset < bytes.Length)
        {
            lineNo++;
            var end = Array.IndexOf(bytes, (byte)'\n', offset);
            if (end < 0)
            {
                if (isLast)
                {
                    // A torn tail: the last write did not complete, so it was never acknowledged.
                    LogTornTail(logger, path, lineNo, bytes.Length - offset);
                    using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Write);
                    RandomAccess.SetLength(handle, offset);
                    RandomAccess.FlushToDisk(handle);
                }
                else
                {
                    AddDamage(path, lineNo, offset, bytes.Length - offset, "incomplete line at the end of a segment that is not the last", null, damage, claimed, logger);
                }
                return;
            }

            var line = bytes.AsSpan(offset, end - offset);
            var reason = JournalLine.Verify(line, out var json);
            JournalLine.Parsed? parsed = null;
            try
            {
                if (json.Length > 0) parsed = JournalLine.Parse(json, withPayloads: false);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
            {
                reason ??= "unreadable line: " + ex.Message;
            }

            if (reason is null && parsed is not null)
                Index(parsed, number, offset, end + 1 - offset, index);
            else
                AddDamage(path, lineNo, offset, end + 1 - offset, reason ?? "unreadable line", parsed, damage, claimed, logger);
            offset = end + 1;
        }
    }

    private static void Index(JournalLine.Parsed parsed, int segment, long offset, int length, Dictionary<string, PersistenceIdIndex> index)
    {
        if (!index.TryGetValue(parsed.PersistenceId, out var entry)) index[parsed.PersistenceId] = entry = new PersistenceIdIndex();
        if (parsed.DeleteTo is { } del)
        {
            entry.DeletedTo = Math.Max(entry.DeletedTo, del);
            return;
        }
        var first = parsed.Entries[0];
        var last = parsed.Entries[^1];
        entry.Lines.Add(new LineRef(segment, offset, length, first.SequenceNr, last.SequenceNr, first.WriterGuid));
        entry.Highest = Math.Max(entry.Highest, last.SequenceNr);
    }

    private static void AddDamage(string path, int line, long offset, long length, string reason, JournalLine.Parsed? claim, List<JournalDamage> damage, List<SequenceRange> claimed, ILogger logger)
    {
        SequenceRange? range = claim is { DeleteTo: null, Entries.Count: > 0 }
            ? new SequenceRange(claim.PersistenceId, claim.Entries[0].SequenceNr, claim.Entries[^1].SequenceNr)
            : null;
        if (range is not null) claimed.Add(range);
        damage.Add(new JournalDamage(path, line, offset, length, reason, range));
        LogDamage(logger, path, line, offset, reason, range?.ToString() ?? "unknown (see the missing sequence numbers reported next)");
    }

    /// <summary>Copies a damaged segment into <c>quarantine/</c> (once), with a report beside it; the original stays in place.</summary>
    private static void Quarantine(string dir, string path, IReadOnlyList<JournalDamage> found, ILogger logger)
    {
        var quarantine = Path.Combine(dir, "quarantine");
        CreatePrivateDirectory(quarantine);
        var copy = Path.Combine(quarantine, Path.GetFileName(path));
        if (!File.Exists(copy))
        {
            File.Copy(path, copy);
            var report = string.Join('\n', found.Select(d =>
                string.Create(CultureInfo.InvariantCulture, $"line {d.Line} (bytes {d.Offset}..{d.Offset + d.Length - 1}): {d.Reason}; holds {d.Claimed?.ToString() ?? "unknown"}")));
            File.WriteAllText(copy + ".damage.txt", report + "\n");
        }
        LogQuarantined(logger, path, copy, found.Count);
    }

    private static List<(string Path, int Number)> ListSegments(string dir) =>
        System.IO.Directory.EnumerateFiles(dir, SegmentPrefix + "*" + SegmentExtension)
            .Select(p => (Path: p, Number: int.TryParse(Path.GetFileNameWithoutExtension(p).AsSpan(SegmentPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1))
            .Where(s => s.Number > 0)
            .OrderBy(s => s.Number)
            .ToList();

    internal static string SegmentPath(string dir, int number) =>
        Path.Combine(dir, SegmentPrefix + number.ToString("D6", CultureInfo.InvariantCulture) + SegmentExtension);

    private static SafeFileHandle OpenSegment(string path, out long length)
    {
        if (!File.Exists(path))
        {
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.ReadWrite };
            if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (new FileStream(path, create)) { }
        }
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        length = RandomAccess.GetLength(handle);
        return handle;
    }

    private static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows()) System.IO.Directory.CreateDirectory(path);
        else System.IO.Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private sealed class Request(IReadOnlyList<IReadOnlyList<JournalEntry>>? writes, string? persistenceId, long deleteTo)
    {
        public IReadOnlyList<IReadOnlyList<JournalEntry>>? Writes { get; } = writes;

        public string? PersistenceId { get; } = persistenceId;

        public long DeleteTo { get; } = deleteTo;

        public Exception? Error { get; set; }

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Staged(PersistenceIdIndex? existing)
    {
        public PersistenceIdIndex? Existing { get; } = existing;

        public List<LineRef> Lines { get; } = [];

        public long Highest { get; set; }

        public long DeletedTo { get; set; }
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Local journal {Path} had a torn tail at line {Line}: cut {Bytes} byte(s) of a write that never completed (it was never acknowledged)")]
    private static partial void LogTornTail(ILogger logger, string path, int line, long bytes);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Error, Message = "Local journal {Path} line {Line} (byte {Offset}) is damaged ({Reason}); it is skipped, the lines after it are still replayed; it held {Sequence}")]
    private static partial void LogDamage(ILogger logger, string path, int line, long offset, string reason, string sequence);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Error, Message = "Local journal in {Directory}: events {PersistenceId} {From}..{To} are damaged and cannot be replayed")]
    private static partial void LogMissing(ILogger logger, string persistenceId, long from, long to, string directory);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Warning, Message = "Damaged segment {Path} copied to {Copy} with a report of its {Count} bad line(s); the original is kept and no longer written to")]
    private static partial void LogQuarantined(ILogger logger, string path, string copy, int count);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Error, Message = "Local journal write to {Path} failed ({Reason}); the batch was cut off and not acknowledged")]
    private static partial void LogWriteFailed(ILogger logger, string path, string reason);
}
