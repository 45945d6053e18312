using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Lemegeton.Hub.Admin;

/// <summary>
/// Reads the hub's rolling log files (<c>hub-YYYYMMDD[_NNN].log</c>, text or JSON format) as entries:
/// the last ones for <c>log tail</c>, then what is appended for <c>--follow</c>. A text entry starts with
/// its timestamp and <c>[LVL]</c>; the lines after it (an exception) belong to it.
/// </summary>
public sealed partial class HubLogReader(string directory)
{
    /// <summary>The most read from the end of one file when looking for the last entries.</summary>
    public const int MaxTailBytes = 4 * 1024 * 1024;

    private static readonly string[] LevelNames = ["trace", "debug", "information", "warning", "error", "critical"];

    /// <summary>Parses a level name (also <c>info</c>, <c>warn</c>, <c>fatal</c>, <c>verbose</c>, and Serilog's three letters).</summary>
    public static int? ParseLevel(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "trace" or "verbose" or "vrb" => 0,
        "debug" or "dbg" => 1,
        "information" or "info" or "inf" => 2,
        "warning" or "warn" or "wrn" => 3,
        "error" or "err" => 4,
        "critical" or "fatal" or "ftl" => 5,
        _ => null,
    };

    public static string LevelName(int level) => LevelNames[Math.Clamp(level, 0, LevelNames.Length - 1)];

    /// <summary>The log files, oldest first.</summary>
    public IReadOnlyList<string> Files() => Directory.Exists(directory)
        ? [.. Directory.EnumerateFiles(directory, "hub-*.log").OrderBy(File.GetLastWriteTimeUtc).ThenBy(f => f, StringComparer.Ordinal)]
        : [];

    /// <summary>The last <paramref name="count"/> entries that pass <paramref name="filter"/>, oldest first, and where the newest file ends.</summary>
    public (IReadOnlyList<HubLogEntry> Entries, string? File, long Position) Tail(int count, Func<HubLogEntry, bool> filter)
    {
        var files = Files();
        var result = new List<HubLogEntry>();
        string? newest = files.Count > 0 ? files[^1] : null;
        long position = 0;
        for (var i = files.Count - 1; i >= 0 && result.Count < count; i--)
        {
            var (text, end) = ReadTail(files[i]);
            if (i == files.Count - 1) position = end;
            var entries = Parse(text).Where(filter).ToList();
            result.InsertRange(0, entries.Count > count - result.Count ? entries.Skip(entries.Count - (count - result.Count)) : entries);
        }
        return (result, newest, position);
    }

    /// <summary>Reads what was appended to <paramref name="file"/> after <paramref name="position"/> (whole lines only).</summary>
    public static (string Text, long Position) ReadFrom(string file, long position)
    {
        using var stream = Open(file);
        if (stream.Length < position) position = 0; // replaced
        stream.Position = position;
        var bytes = new byte[stream.Length - position];
        stream.ReadExactly(bytes);
        var lastNewline = Array.LastIndexOf(bytes, (byte)'\n');
        if (lastNewline < 0) return ("", position);
        return (Encoding.UTF8.GetString(bytes, 0, lastNewline + 1), position + lastNewline + 1);
    }

    /// <summary>Splits log text into entries.</summary>
    public static IEnumerable<HubLogEntry> Parse(string text)
    {
        string? timestamp = null;
        var level = 2;
        var current = new StringBuilder();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith('{'))
            {
                if (current.Length > 0) { yield return new HubLogEntry(timestamp, LevelName(level), current.ToString()); current.Clear(); }
                yield return FromJson(line);
                continue;
            }
            var m = EntryStart().Match(line);
            if (m.Success)
            {
                if (current.Length > 0) yield return new HubLogEntry(timestamp, LevelName(level), current.ToString());
                current.Clear();
                timestamp = m.Groups[1].Value;
                level = ParseLevel(m.Groups[2].Value) ?? 2;
                current.Append(line);
            }
            else if (line.Length > 0)
            {
                if (current.Length > 0) current.Append('\n');
                current.Append(line);
            }
        }
        if (current.Length > 0) yield return new HubLogEntry(timestamp, LevelName(level), current.ToString());
    }

    private static HubLogEntry FromJson(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var ts = root.TryGetProperty("Timestamp", out var t) ? t.GetString() : null;
            var level = root.TryGetProperty("Level", out var l) ? ParseLevel(l.GetString()) ?? 2 : 2;
            return new HubLogEntry(ts, LevelName(level), line);
        }
        catch (JsonException)
        {
            return new HubLogEntry(null, LevelName(2), line);
        }
    }

    private static (string Text, long End) ReadTail(string file)
    {
        using var stream = Open(file);
        var length = stream.Length;
        var start = Math.Max(0, length - MaxTailBytes);
        stream.Position = start;
        var bytes = new byte[length - start];
        stream.ReadExactly(bytes);
        var lastNewline = Array.LastIndexOf(bytes, (byte)'\n');
        var usable = lastNewline + 1;
        var text = Encoding.UTF8.GetString(bytes, 0, usable);
        if (start > 0 && text.IndexOf('\n', StringComparison.Ordinal) is var first and >= 0) text = text[(first + 1)..]; // a partial first line
        return (text, start + usable);
    }

    private static FileStream Open(string file) =>
        new(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} [+-]\d{2}:\d{2}) \[([A-Z]{3})\] ")]
    private static partial Regex EntryStart();
}
