using System.Text;

namespace Lemegeton.Fuzz.Tests;

/// <summary>
/// Turns a real sample into a hostile variant, deterministically from a seed: byte flips and invalid
/// UTF-8 (decoded as <c>File.ReadAllText</c> would, BOMs included), control characters, CRLF/CR mixes,
/// truncations, duplicated and deleted ranges, deep nesting, huge scalars and the target language's own
/// special tokens spliced in at random places.
/// </summary>
public sealed class HostileText(Random random, IReadOnlyList<string> tokens, Func<Random, string> deep)
{
    private static readonly string[] Controls = ["\0", "\u0001", "\u0007", "\b", "\t", "\v", "\f", "\u001b", "\u001b[31m", "\u001b]0;x\u0007", "\u007f", "\u0085", "\u009b", "\u200b", "\u202e", "\u2028", "\u2029", "\ufeff", "\ufffe", "\ud800", "\udc00", "\ud83d\ude00"];

    /// <summary>Applies 1 to 6 random mutations to <paramref name="text"/>.</summary>
    public string Mutate(string text)
    {
        var rounds = random.Next(1, 7);
        for (var r = 0; r < rounds; r++) text = MutateOnce(text);
        return text;
    }

    private string MutateOnce(string text)
    {
        switch (random.Next(16))
        {
            case 0: return Bytes(text);
            case 1: return Insert(text, Controls[random.Next(Controls.Length)]);
            case 2: return Insert(text, tokens[random.Next(tokens.Count)]);
            case 3: return Insert(text, tokens[random.Next(tokens.Count)] + tokens[random.Next(tokens.Count)] + tokens[random.Next(tokens.Count)]);
            case 4: return text[..random.Next(text.Length + 1)]; // truncation
            case 5: return Newlines(text);
            case 6: return Bom(text);
            case 7: return random.Next(8) == 0 ? Insert(text, deep(random)) : Insert(text, new string('[', random.Next(1, 200)));
            case 8: return random.Next(20) == 0 ? Insert(text, new string((char)random.Next('a', 'z' + 1), random.Next(10_000, 200_000))) : Insert(text, new string('x', random.Next(1, 2000)));
            case 9: return Delete(text);
            case 10: return Duplicate(text);
            case 11: return SwapLines(text);
            case 12: return Indent(text);
            case 13: return Insert(text, ((char)random.Next(0, 0x10000)).ToString());
            case 14: return Insert(text, random.Next(2) == 0 ? "\n" : "\r\n");
            default: return Insert(text, RandomAscii());
        }
    }

    private int At(string text) => random.Next(text.Length + 1);

    private string Insert(string text, string piece)
    {
        // Half the time at a line start, where structure (keys, headings, fences) is decided.
        var at = At(text);
        if (random.Next(2) == 0 && at > 0) at = text.LastIndexOf('\n', at - 1) + 1;
        return string.Concat(text.AsSpan(0, at), piece, text.AsSpan(at));
    }

    private string Delete(string text)
    {
        if (text.Length == 0) return text;
        var at = random.Next(text.Length);
        var length = Math.Min(text.Length - at, random.Next(1, 64));
        return text.Remove(at, length);
    }

    private string Duplicate(string text)
    {
        if (text.Length == 0) return text;
        var at = random.Next(text.Length);
        var length = Math.Min(text.Length - at, random.Next(1, 400));
        var piece = text.Substring(at, length);
        var copies = random.Next(1, random.Next(10) == 0 ? 200 : 4);
        return Insert(text, string.Concat(Enumerable.Repeat(piece, copies)));
    }

    private string SwapLines(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length < 2) return text;
        var a = random.Next(lines.Length);
        var b = random.Next(lines.Length);
        (lines[a], lines[b]) = (lines[b], lines[a]);
        return string.Join('\n', lines);
    }

    private string Indent(string text)
    {
        var lines = text.Split('\n');
        var i = random.Next(lines.Length);
        lines[i] = (random.Next(3) switch { 0 => "\t", 1 => new string(' ', random.Next(1, 40)), _ => "" }) + lines[i].TrimStart();
        return string.Join('\n', lines);
    }

    private string Newlines(string text) => random.Next(4) switch
    {
        0 => text.Replace("\n", "\r\n", StringComparison.Ordinal),
        1 => text.Replace("\n", "\r", StringComparison.Ordinal),
        2 => string.Concat(text.Split('\n').Select((l, i) => i == 0 ? l : (random.Next(3) switch { 0 => "\r\n", 1 => "\r", _ => "\n" }) + l)),
        _ => text.Replace("\r", "", StringComparison.Ordinal),
    };

    private string Bom(string text)
    {
        byte[][] boms = [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xFF, 0xFE, 0, 0], [0xEF, 0xBB]];
        var bom = boms[random.Next(boms.Length)];
        return Decode([.. bom, .. Encoding.UTF8.GetBytes(text)]);
    }

    /// <summary>Flips, inserts or deletes raw bytes of the UTF-8 text (invalid UTF-8 included) and decodes it back as File.ReadAllText does.</summary>
    private string Bytes(string text)
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(text));
        var edits = random.Next(1, 9);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(3))
            {
                case 0 when at < bytes.Count: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: bytes.Insert(at, (byte)random.Next(0x80, 0x100)); break;
                default: if (at < bytes.Count) bytes.RemoveAt(at); break;
            }
        }
        return Decode([.. bytes]);
    }

    /// <summary>Bytes to text the way <c>File.ReadAllText</c> reads a file: UTF-8 unless a byte order mark says otherwise, invalid bytes replaced.</summary>
    public static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private string RandomAscii()
    {
        var sb = new StringBuilder();
        var n = random.Next(1, 30);
        for (var i = 0; i < n; i++) sb.Append((char)random.Next(0x20, 0x7f));
        return sb.ToString();
    }
}
