using System.Buffers;
using System.Buffers.Text;
using System.IO.Hashing;
using System.Text.Json;

namespace Lemegeton.Persistence.Local;

/// <summary>
/// The segment line format: <c>CCCCCCCC {json}\n</c>, where <c>CCCCCCCC</c> is the CRC-32 (hex) of
/// the JSON bytes. One line is one atomic write,
/// <c>{"pid":"…","e":[{"s":1,"w":"writer","m":"manifest","z":serializerId,"t":unixMs,"g":["tag"],"p":"base64"}…]}</c>,
/// or one deletion, <c>{"pid":"…","del":toSequenceNr}</c>, so an atomic write is whole or absent.
/// </summary>
internal static class JournalLine
{
    private const int CrcChars = 8;

    /// <summary>Appends the line of one atomic write to <paramref name="buffer"/>.</summary>
    public static void WriteEntries(ArrayBufferWriter<byte> buffer, ArrayBufferWriter<byte> scratch, string persistenceId, IReadOnlyList<JournalEntry> entries)
    {
        scratch.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(scratch))
        {
            w.WriteStartObject();
            w.WriteString("pid", persistenceId);
            w.WriteStartArray("e");
            foreach (var e in entries)
            {
                w.WriteStartObject();
                w.WriteNumber("s", e.SequenceNr);
                w.WriteString("w", e.WriterGuid);
                if (e.Manifest.Length > 0) w.WriteString("m", e.Manifest);
                w.WriteNumber("z", e.SerializerId);
                w.WriteNumber("t", e.Timestamp);
                if (e.Tags.Count > 0)
                {
                    w.WriteStartArray("g");
                    foreach (var tag in e.Tags) w.WriteStringValue(tag);
                    w.WriteEndArray();
                }
                w.WriteBase64String("p", e.Payload.Span);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        Frame(buffer, scratch.WrittenSpan);
    }

    /// <summary>Appends a deletion line.</summary>
    public static void WriteDeletion(ArrayBufferWriter<byte> buffer, ArrayBufferWriter<byte> scratch, string persistenceId, long toSequenceNr)
    {
        scratch.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(scratch))
        {
            w.WriteStartObject();
            w.WriteString("pid", persistenceId);
            w.WriteNumber("del", toSequenceNr);
            w.WriteEndObject();
        }
        Frame(buffer, scratch.WrittenSpan);
    }

    private static void Frame(ArrayBufferWriter<byte> buffer, ReadOnlySpan<byte> json)
    {
        var crc = Crc32.HashToUInt32(json);
        var head = buffer.GetSpan(CrcChars + 1);
        Utf8Formatter.TryFormat(crc, head, out _, new StandardFormat('x', CrcChars));
        head[CrcChars] = (byte)' ';
        buffer.Advance(CrcChars + 1);
        buffer.Write(json);
        buffer.Write("\n"u8);
    }

    /// <summary>
    /// Checks a line (without its newline): the checksum must match and the JSON must read.
    /// Returns null when valid, else the reason; <paramref name="json"/> is the JSON part either way
    /// (empty when the line is too short to have one).
    /// </summary>
    public static string? Verify(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> json)
    {
        json = default;
        if (line.Length < CrcChars + 2 || line[CrcChars] != (byte)' ')
            return "malformed line (no checksum prefix)";
        json = line[(CrcChars + 1)..];
        if (!Utf8Parser.TryParse(line[..CrcChars], out uint stored, out var used, 'x') || used != CrcChars)
            return "malformed checksum";
        return Crc32.HashToUInt32(json) == stored ? null : "checksum mismatch";
    }

    /// <summary>Reads the JSON of a line; throws <see cref="JsonException"/> (or <see cref="InvalidOperationException"/>, <see cref="FormatException"/>) when it does not fit the format.</summary>
    public static Parsed Parse(ReadOnlySpan<byte> json, bool withPayloads)
    {
        var reader = new Utf8JsonReader(json);
        using var doc = JsonDocument.ParseValue(ref reader);
        var root = doc.RootElement;
        var pid = root.GetProperty("pid").GetString() ?? throw new JsonException("pid is null");
        if (root.TryGetProperty("del", out var del)) return new Parsed(pid, [], del.GetInt64());
        var array = root.GetProperty("e");
        var entries = new List<JournalEntry>(array.GetArrayLength());
        foreach (var e in array.EnumerateArray())
        {
            IReadOnlyList<string> tags = [];
            if (e.TryGetProperty("g", out var g))
                tags = [.. g.EnumerateArray().Select(t => t.GetString() ?? string.Empty)];
            entries.Add(new JournalEntry(
                pid,
                e.GetProperty("s").GetInt64(),
                e.TryGetProperty("m", out var m) ? m.GetString() ?? string.Empty : string.Empty,
                e.GetProperty("z").GetInt32(),
                withPayloads ? e.GetProperty("p").GetBytesFromBase64() : ReadOnlyMemory<byte>.Empty,
                e.GetProperty("w").GetString() ?? string.Empty,
                e.GetProperty("t").GetInt64(),
                tags));
        }
        if (entries.Count == 0) throw new JsonException("an atomic write without entries");
        for (var i = 1; i < entries.Count; i++)
            if (entries[i].SequenceNr != entries[i - 1].SequenceNr + 1) throw new JsonException("sequence numbers of an atomic write are not consecutive");
        return new Parsed(pid, entries, null);
    }

    /// <summary>A parsed line: the entries of an atomic write, or a deletion up to <see cref="DeleteTo"/>.</summary>
    public sealed record Parsed(string PersistenceId, IReadOnlyList<JournalEntry> Entries, long? DeleteTo);
}
