using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Lemegeton.Core.TaskList;

/// <summary>
/// Reads a PR body with Markdig (spec §2.3): sections start at a paragraph that opens with a bold
/// label ending in a colon, and the acceptance criteria are the task-list items of the
/// <c>Acceptance Criteria</c> section. Called only when asked, never on the load path.
/// </summary>
internal static class PrBodyReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseTaskLists().UsePreciseSourceLocation().Build();

    public static IReadOnlyList<PrBodySection> ReadSections(string body)
    {
        if (MarkdownText.TryParse(body, Pipeline) is not { } doc) return [];
        var labels = FindLabels(doc);
        var sections = new List<PrBodySection>(labels.Count);
        for (var i = 0; i < labels.Count; i++)
        {
            var start = labels[i].ContentStart;
            var end = i + 1 < labels.Count ? labels[i + 1].BlockStart : body.Length;
            sections.Add(new PrBodySection(labels[i].Label, body[start..Math.Max(start, end)].Trim()));
        }
        return sections;
    }

    public static IReadOnlyList<AcceptanceCriterion> ReadAcceptanceCriteria(string body)
    {
        if (MarkdownText.TryParse(body, Pipeline) is not { } doc) return [];
        var labels = FindLabels(doc);
        var at = labels.FindIndex(l => l.Label.Equals("Acceptance Criteria", StringComparison.OrdinalIgnoreCase));
        if (at < 0) return [];
        var start = labels[at].ContentStart;
        var end = at + 1 < labels.Count ? labels[at + 1].BlockStart : body.Length;
        var items = new List<AcceptanceCriterion>();
        foreach (var item in doc.Descendants<ListItemBlock>())
        {
            if (item.Span.Start < start || item.Span.Start >= end) continue;
            if (item.Count == 0 || item[0] is not ParagraphBlock { Inline: { } inline }) continue;
            if (inline.FirstChild is not Markdig.Extensions.TaskLists.TaskList task) continue;
            var textStart = task.Span.End + 1;
            var paragraphEnd = item[0].Span.End + 1;
            var text = textStart < paragraphEnd ? body[textStart..Math.Min(paragraphEnd, body.Length)].Trim() : "";
            items.Add(new AcceptanceCriterion(text, task.Checked, item.Line + 1));
        }
        return items;
    }

    private readonly record struct LabelAt(string Label, int BlockStart, int ContentStart);

    private static List<LabelAt> FindLabels(MarkdownDocument doc)
    {
        var labels = new List<LabelAt>();
        foreach (var block in doc)
        {
            if (block is not ParagraphBlock { Inline.FirstChild: EmphasisInline { DelimiterCount: 2 } strong }) continue;
            var label = string.Concat(strong.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();
            if (!label.EndsWith(':')) continue;
            labels.Add(new LabelAt(label.TrimEnd(':').Trim(), block.Span.Start, strong.Span.End + 1));
        }
        return labels;
    }
}
