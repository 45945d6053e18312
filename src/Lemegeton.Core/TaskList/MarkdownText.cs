using Markdig;
using Markdig.Syntax;

namespace Lemegeton.Core.TaskList;

/// <summary>
/// Parses the Markdown parts of a task list (header, PR bodies) with Markdig, safely: Markdig refuses
/// nesting deeper than its limit by throwing, and deep nesting makes it slow, so text whose lines nest
/// absurdly deep (block quotes, indentation, nested links, runs of thousands of emphasis marks) is not given to it at all. Such text reads as empty: no
/// title, no sections, no acceptance criteria.
/// </summary>
internal static class MarkdownText
{
    /// <summary>Deepest nesting worth reading: block-quote markers or indentation columns at the start of a line.</summary>
    internal const int MaxLineNesting = 256;

    /// <summary>Most emphasis and code-span delimiters on one line worth reading.</summary>
    internal const int MaxLineDelimiters = 1024;

    /// <summary>The parsed document, or null when the text nests too deeply for Markdown to be meaningful.</summary>
    public static MarkdownDocument? TryParse(string text, MarkdownPipeline pipeline)
    {
        if (NestsTooDeeply(text)) return null;
        try
        {
            return Markdown.Parse(text, pipeline);
        }
        catch (ArgumentException)
        {
            // "Markdown elements in the input are too deeply nested - depth limit exceeded."
            return null;
        }
    }

    /// <summary>
    /// Whether a line starts with more than <see cref="MaxLineNesting"/> characters of indentation, '>'
    /// or list markers ('-', '*', '+' before a space), or holds more than that many '[' (nested
    /// links) or more than <see cref="MaxLineDelimiters"/> emphasis and code delimiters ('*', '_', '~',
    /// '`'): Markdig's inline parser takes super-linear time over those.
    /// </summary>
    private static bool NestsTooDeeply(string text)
    {
        var prefix = 0;
        var brackets = 0;
        var delimiters = 0;
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                lineStart = true;
                prefix = 0;
                brackets = 0;
                delimiters = 0;
                continue;
            }
            if (c == '[' && ++brackets > MaxLineNesting) return true;
            if (c is '*' or '_' or '~' or '`' && ++delimiters > MaxLineDelimiters) return true;
            if (!lineStart) continue;
            var nests = c is ' ' or '\t' or '>' || (c is '-' or '*' or '+' && i + 1 < text.Length && text[i + 1] == ' ');
            if (!nests) lineStart = false;
            else if (++prefix > MaxLineNesting) return true;
        }
        return false;
    }
}
