namespace Lemegeton.Core.TaskList;

/// <summary>
/// One pass over the lines of a task list that finds each PR section: a <c>### PR-…</c> heading
/// and the <c>---</c>…<c>---</c> YAML block directly under it, or (as the TypeScript Lemegeton's
/// <c>addPR</c> writes them) a bare <c>---</c> block whose first line is <c>pr_id:</c>. Fenced code
/// blocks are skipped, so a heading or rule inside a fence is never structure, and any other
/// <c>---</c> is a plain horizontal rule. Works on spans; no regular expressions.
/// </summary>
internal static class TaskListScanner
{
    /// <param name="StoppedAt">Where <c>stopAt</c> ended the scan (a section start), or -1 when it ran to the end.</param>
    public readonly record struct Result(List<ScannedBlock> Blocks, int HeaderEnd, int StoppedAt);

    public static Result Scan(string text) =>
        Scan(text, 0, 1, new List<ScannedBlock>(Math.Max(4, text.Length / 800)), -1, null);

    /// <summary>
    /// Scans from <paramref name="pos"/> (a line start outside any fence, e.g. the start of a known
    /// section) and appends to <paramref name="blocks"/>. Stops before a section start for which
    /// <paramref name="stopAt"/> says true: from there on the caller knows the result already.
    /// </summary>
    public static Result Scan(string text, int pos, int line, List<ScannedBlock> blocks, int headerEnd, Func<int, bool>? stopAt)
    {
        var fenceChar = '\0';
        var fenceLength = 0;
        var open = -1; // index in blocks of the section still collecting its body

        while (pos < text.Length)
        {
            var next = NextLine(text, pos, out var content);
            var lineNo = line;
            line++;

            if (fenceChar != '\0')
            {
                if (IsFence(content, out var c, out var n, closing: true) && c == fenceChar && n >= fenceLength) fenceChar = '\0';
                pos = next;
                continue;
            }
            if (content.Length >= 3 && IsFence(content, out var fc, out var fl, closing: false))
            {
                fenceChar = fc;
                fenceLength = fl;
                pos = next;
                continue;
            }

            if (content.Length > 0 && content[0] == '#')
            {
                var level = HeadingLevel(content);
                if (level is >= 1 and <= 3)
                {
                    var isPr = level == 3 && content.Length > 4 && content[4..].TrimStart().StartsWith("PR-", StringComparison.Ordinal);
                    if (isPr && stopAt is not null && stopAt(pos))
                    {
                        Close(blocks, ref open, pos);
                        return new Result(blocks, headerEnd < 0 ? pos : headerEnd, pos);
                    }
                    if (level <= 2 || isPr)
                    {
                        Close(blocks, ref open, pos);
                        if (headerEnd < 0 && isPr) headerEnd = pos;
                    }
                    if (isPr)
                    {
                        ReadHeading(content[4..].Trim(), out var id, out var title);
                        var block = new ScannedBlock { SectionStart = pos, SectionLine = lineNo, HeadingId = id, HeadingTitle = title };
                        var after = ReadYamlUnderHeading(text, next, line, ref block, out var afterLine);
                        blocks.Add(block);
                        open = blocks.Count - 1;
                        pos = after;
                        line = afterLine;
                        continue;
                    }
                }
            }
            else if (IsRule(content) && next < text.Length && text.AsSpan(next).StartsWith("pr_id:", StringComparison.Ordinal))
            {
                Close(blocks, ref open, pos);
                if (stopAt is not null && stopAt(pos)) return new Result(blocks, headerEnd < 0 ? pos : headerEnd, pos);
                if (headerEnd < 0) headerEnd = pos;
                var block = new ScannedBlock { SectionStart = pos, SectionLine = lineNo, OpenLine = lineNo };
                var after = ReadYaml(text, next, line, ref block, out var afterLine);
                blocks.Add(block);
                open = blocks.Count - 1;
                pos = after;
                line = afterLine;
                continue;
            }
            pos = next;
        }
        Close(blocks, ref open, text.Length);
        return new Result(blocks, headerEnd < 0 ? text.Length : headerEnd, -1);
    }

    private static void Close(List<ScannedBlock> blocks, ref int open, int end)
    {
        if (open < 0) return;
        blocks[open] = blocks[open] with { SectionEnd = end };
        open = -1;
    }

    /// <summary>Skips blank lines after a heading; if the next line is <c>---</c>, reads the YAML block.</summary>
    private static int ReadYamlUnderHeading(string text, int pos, int line, ref ScannedBlock block, out int afterLine)
    {
        var p = pos;
        var l = line;
        while (p < text.Length)
        {
            var next = NextLine(text, p, out var content);
            if (content.IsWhiteSpace()) { p = next; l++; continue; }
            if (IsRule(content))
            {
                block = block with { OpenLine = l };
                return ReadYaml(text, next, l + 1, ref block, out afterLine);
            }
            break;
        }
        // No YAML block: the body starts right after the heading.
        block = block with { BodyStart = pos };
        afterLine = line;
        return pos;
    }

    /// <summary>Reads YAML lines from <paramref name="pos"/> up to the closing <c>---</c>.</summary>
    private static int ReadYaml(string text, int pos, int line, ref ScannedBlock block, out int afterLine)
    {
        var p = pos;
        var l = line;
        while (p < text.Length)
        {
            var next = NextLine(text, p, out var content);
            if (IsRule(content))
            {
                block = block with { YamlStart = pos, YamlEnd = p, YamlLine = line, Closed = true, BodyStart = next };
                afterLine = l + 1;
                return next;
            }
            if (content.StartsWith("### PR-", StringComparison.Ordinal)) break;
            p = next;
            l++;
        }
        block = block with { YamlStart = pos, YamlEnd = p, YamlLine = line, Closed = false, BodyStart = p };
        afterLine = l;
        return p;
    }

    /// <summary>Returns the start of the next line; <paramref name="content"/> is this line without its line break (CR or CRLF).</summary>
    private static int NextLine(string text, int pos, out ReadOnlySpan<char> content)
    {
        var rest = text.AsSpan(pos);
        var nl = rest.IndexOf('\n');
        if (nl < 0)
        {
            content = rest;
            return text.Length;
        }
        content = nl > 0 && rest[nl - 1] == '\r' ? rest[..(nl - 1)] : rest[..nl];
        return pos + nl + 1;
    }

    private static bool IsRule(ReadOnlySpan<char> content) => content.Trim().SequenceEqual("---");

    /// <summary>An ATX heading level (1–6) when the line is <c>#…# text</c>, else 0.</summary>
    private static int HeadingLevel(ReadOnlySpan<char> content)
    {
        var n = 0;
        while (n < content.Length && content[n] == '#') n++;
        if (n > 6) return 0;
        return n == content.Length || content[n] == ' ' || content[n] == '\t' ? n : 0;
    }

    /// <summary>A fence line: up to 3 spaces, then 3 or more backticks or tildes (a closing fence has nothing after them).</summary>
    private static bool IsFence(ReadOnlySpan<char> content, out char ch, out int length, bool closing)
    {
        ch = '\0';
        length = 0;
        var i = 0;
        while (i < content.Length && i < 3 && content[i] == ' ') i++;
        if (i >= content.Length || (content[i] != '`' && content[i] != '~')) return false;
        ch = content[i];
        var start = i;
        while (i < content.Length && content[i] == ch) i++;
        length = i - start;
        if (length < 3) return false;
        var rest = content[i..];
        if (closing) return rest.IsWhiteSpace();
        // A backtick fence's info string may not contain backticks.
        return ch != '`' || !rest.Contains('`');
    }

    private static void ReadHeading(ReadOnlySpan<char> heading, out string id, out string? title)
    {
        var end = 0;
        while (end < heading.Length && heading[end] != ':' && !char.IsWhiteSpace(heading[end])) end++;
        id = heading[..end].ToString();
        var rest = heading[end..].TrimStart();
        if (rest.Length > 0 && rest[0] == ':') rest = rest[1..];
        rest = rest.Trim();
        title = rest.Length == 0 ? null : rest.ToString();
    }
}
