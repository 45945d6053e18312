using System.Globalization;

namespace Lemegeton.Core.TaskList;

/// <summary>
/// Reads the orchestration metadata before the first PR (spec §2.5) with a cheap line scan: the
/// title, <c>**Generated for:**</c>, <c>**Estimated Total Complexity:**</c> and the
/// <c>Haiku/Sonnet/Opus agents: N</c> lines. The header is a few lines, so no Markdown parser is needed.
/// </summary>
internal static class TaskListHeaderReader
{
    public static TaskListHeader Read(ReadOnlySpan<char> header)
    {
        string? title = null, generatedFor = null;
        int? total = null, haiku = null, sonnet = null, opus = null;
        foreach (var raw in header.EnumerateLines())
        {
            var line = raw.Trim();
            if (title is null && line.StartsWith("# ", StringComparison.Ordinal)) { title = line[2..].Trim().ToString(); continue; }
            if (After(line, "**Generated for:**", out var rest)) { generatedFor = rest.ToString(); continue; }
            if (After(line, "**Estimated Total Complexity:**", out rest)) { total = LeadingInt(rest); continue; }
            if (line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal)) line = line[2..].TrimStart();
            if (After(line, "Haiku agents:", out rest)) haiku = LeadingInt(rest);
            else if (After(line, "Sonnet agents:", out rest)) sonnet = LeadingInt(rest);
            else if (After(line, "Opus agents:", out rest)) opus = LeadingInt(rest);
        }
        var agents = haiku is null && sonnet is null && opus is null ? null : new RecommendedAgents(haiku, sonnet, opus);
        return new TaskListHeader(title, generatedFor, total, agents);
    }

    private static bool After(ReadOnlySpan<char> line, string label, out ReadOnlySpan<char> rest)
    {
        var i = line.IndexOf(label, StringComparison.OrdinalIgnoreCase);
        rest = i < 0 ? default : line[(i + label.Length)..].Trim();
        return i >= 0;
    }

    private static int? LeadingInt(ReadOnlySpan<char> s)
    {
        s = s.TrimStart('*').TrimStart();
        var n = 0;
        while (n < s.Length && char.IsAsciiDigit(s[n])) n++;
        return n > 0 && int.TryParse(s[..n], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }
}
