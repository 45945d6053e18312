using System.Globalization;
using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Lemegeton.Core.TaskList;

/// <summary>
/// Reads the orchestration metadata before the first PR (spec §2.5) with Markdig: the first level-1
/// heading is the title; a bold label <c>**Generated for:**</c> or <c>**Estimated Total Complexity:**</c>
/// gives the text after it up to the line break; list items <c>Haiku/Sonnet/Opus agents: N</c> give
/// the recommended agents. Only the header (a few lines) is parsed, never the whole file.
/// </summary>
internal static class TaskListHeaderReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    /// <summary>The most of the text before the first PR that is read for metadata.</summary>
    internal const int MaxLength = 64 * 1024;

    public static TaskListHeader Read(ReadOnlySpan<char> header)
    {
        string? title = null, generatedFor = null;
        int? total = null, haiku = null, sonnet = null, opus = null;
        // A header is a few lines; past MaxLength only whole lines up to it are read.
        if (header.Length > MaxLength)
        {
            var cut = header[..MaxLength].LastIndexOf('\n');
            header = header[..Math.Max(cut, 0)];
        }
        var doc = MarkdownText.TryParse(header.ToString(), Pipeline);
        if (doc is null) return new TaskListHeader(null, null, null, null);
        foreach (var block in doc.Descendants())
        {
            switch (block)
            {
                case HeadingBlock { Level: 1, Inline: { } inline } when title is null:
                    title = PlainText(inline).Trim();
                    break;
                case ParagraphBlock { Inline: { } inline } paragraph:
                    foreach (var (label, value) in LabelledLines(inline))
                    {
                        if (label.Equals("Generated for:", StringComparison.OrdinalIgnoreCase)) generatedFor ??= value;
                        else if (label.Equals("Estimated Total Complexity:", StringComparison.OrdinalIgnoreCase)) total ??= LeadingInt(value);
                    }
                    if (paragraph.Parent is ListItemBlock)
                    {
                        var text = PlainText(inline).Trim();
                        if (After(text, "Haiku agents:", out var n)) haiku ??= n;
                        else if (After(text, "Sonnet agents:", out n)) sonnet ??= n;
                        else if (After(text, "Opus agents:", out n)) opus ??= n;
                    }
                    break;
            }
        }
        var agents = haiku is null && sonnet is null && opus is null ? null : new RecommendedAgents(haiku, sonnet, opus);
        return new TaskListHeader(title, generatedFor, total, agents);
    }

    /// <summary>Each line of a paragraph that opens with a bold label: (label, the rest of that line).</summary>
    private static IEnumerable<(string Label, string Value)> LabelledLines(ContainerInline paragraph)
    {
        string? label = null;
        var value = new StringBuilder();
        foreach (var inline in paragraph)
        {
            if (inline is LineBreakInline)
            {
                if (label is not null) yield return (label, value.ToString().Trim());
                label = null;
                value.Clear();
            }
            else if (inline is EmphasisInline { DelimiterCount: 2 } strong && label is null && value.Length == 0)
                label = PlainText(strong).Trim();
            else
                value.Append(PlainText(inline));
        }
        if (label is not null) yield return (label, value.ToString().Trim());
    }

    private static string PlainText(Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal: return literal.Content.ToString();
            case CodeInline code: return code.Content;
            case LineBreakInline: return " ";
            case ContainerInline container:
                var text = new StringBuilder();
                foreach (var child in container) text.Append(PlainText(child));
                return text.ToString();
            default: return "";
        }
    }

    private static bool After(string text, string label, out int? number)
    {
        var i = text.IndexOf(label, StringComparison.OrdinalIgnoreCase);
        number = i < 0 ? null : LeadingInt(text.AsSpan(i + label.Length));
        return i >= 0;
    }

    private static int? LeadingInt(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        var n = 0;
        while (n < s.Length && char.IsAsciiDigit(s[n])) n++;
        return n > 0 && int.TryParse(s[..n], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }
}
