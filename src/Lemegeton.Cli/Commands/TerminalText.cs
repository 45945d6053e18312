using System.Globalization;
using System.Text;

namespace Lemegeton.Cli.Commands;

/// <summary>
/// The one place where user data (ids, titles, paths, configuration values, messages that quote
/// them) is made safe to write to a terminal: every character that would act rather than show —
/// C0 and C1 controls and DEL, format characters such as bidirectional overrides, line and paragraph
/// separators — becomes a visible escape (<c>\x1b</c>, <c>\n</c>, <c>\u202e</c>). Every text output
/// path of the CLI goes through it; JSON output is escaped by the serializer instead.
/// </summary>
public static class TerminalText
{
    /// <summary><paramref name="text"/> with every unprintable character escaped; the same instance when there is none.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var first = IndexOfUnprintable(text);
        if (first < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsUnprintable(c)) { sb.Append(c); continue; }
            switch (c)
            {
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    sb.Append(c <= '\u00ff' ? "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture) : "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary><see cref="Escape"/>, then Spectre.Console markup escaping, for table cells and markup text.</summary>
    public static string Markup(string? text) => Spectre.Console.Markup.Escape(Escape(text));

    /// <summary>Writes each line of <paramref name="text"/> escaped, after <paramref name="prefix"/>: a message of several lines stays several lines.</summary>
    public static void WriteLines(TextWriter writer, string prefix, string? text)
    {
        foreach (var line in (text ?? "").Split('\n')) writer.WriteLine(prefix + Escape(line.TrimEnd('\r')));
    }

    private static int IndexOfUnprintable(string text)
    {
        for (var i = 0; i < text.Length; i++)
            if (IsUnprintable(text[i])) return i;
        return -1;
    }

    private static bool IsUnprintable(char c)
    {
        if (c < ' ') return true;
        if (c < '\u007f') return false;
        return char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
    }
}
