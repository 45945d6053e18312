using YamlDotNet.Core;

namespace Lemegeton.Core.TaskList;

/// <summary>
/// A fast reader for the plain subset of YAML that task lists are written in: block mappings and
/// sequences by indentation, plain and simple quoted scalars, and one-line flow lists of scalars
/// (<c>[PR-001, PR-002]</c>). It builds the same <see cref="YamlNode"/> tree, with the same marks,
/// as <see cref="YamlBlockReader"/> does through YamlDotNet, about ten times faster. On anything
/// outside that subset (comments after values, escapes, anchors, multi-line scalars, tabs, flow
/// mappings, …) it returns false and the caller uses YamlDotNet, so YAML semantics are never guessed.
/// </summary>
internal sealed class SimpleYamlReader
{
    private readonly string _text;
    private readonly int _start;
    private Line[] _lines;
    private int _count;

    private struct Line
    {
        public int Content; // absolute index of the first non-space character
        public int End;     // absolute index after the last non-space character
        public int Indent;  // column of Content, 0-based
        public int Number;  // 1-based within the block
        public int LineStart;
    }

    [ThreadStatic] private static Line[]? t_lines;
    [ThreadStatic] private static YamlNodePool? t_pool;
    private readonly YamlNodePool _pool;

    private SimpleYamlReader(string text, int start)
    {
        _text = text;
        _start = start;
        _lines = t_lines ??= new Line[64];
        _pool = t_pool ??= new YamlNodePool();
        _pool.Reset();
    }

    /// <summary>
    /// Reads the block [start, end) into <paramref name="root"/>; false when the block is outside the
    /// subset. The nodes are pooled per thread: the tree is valid until the next call on the same
    /// thread, so read what you need from it (its strings are fresh and can be kept) before then.
    /// </summary>
    public static bool TryRead(string text, int start, int end, out YamlNode? root)
    {
        var reader = new SimpleYamlReader(text, start);
        root = null;
        if (!reader.SplitLines(end)) return false;
        if (reader._count == 0) return true;
        var i = 0;
        if (reader._lines[0].Indent != 0) return false;
        var node = reader.ReadMapping(ref i, 0, 1);
        if (node is null || i != reader._count) return false;
        root = node;
        return true;
    }

    private bool SplitLines(int end)
    {
        _count = 0;
        var pos = _start;
        var number = 1;
        var t = _text;
        while (pos < end)
        {
            var nl = t.IndexOf('\n', pos, end - pos);
            var lineEnd = nl < 0 ? end : nl;
            var next = nl < 0 ? end : nl + 1;
            var c = pos;
            while (c < lineEnd && t[c] == ' ') c++;
            var e = lineEnd;
            while (e > c && (t[e - 1] == ' ' || t[e - 1] == '\r')) e--;
            if (c < e)
            {
                var first = t[c];
                if (first == '\t') return false;
                if (first != '#')
                {
                    if (t.AsSpan(c, e - c).IndexOfAny('\t', '\r') >= 0) return false;
                    if (_count == _lines.Length) { Array.Resize(ref _lines, _lines.Length * 2); t_lines = _lines; }
                    _lines[_count++] = new Line { Content = c, End = e, Indent = c - pos, Number = number, LineStart = pos };
                }
            }
            else if (c < lineEnd && t[c] == '\t') return false;
            pos = next;
            number++;
        }
        return true;
    }

    private YamlMark MarkAt(int index, in Line line) => new(index - _start, line.Number, index - line.LineStart + 1);

    private YamlMapping? ReadMapping(ref int i, int indent, int depth)
    {
        // Too deep: leave it to YamlBlockReader, which reports the nesting error at its place.
        if (depth > TaskListParser.MaxNesting) return null;
        var startLine = _lines[i];
        var startMark = MarkAt(startLine.Content, startLine);
        var mapping = _pool.Mapping();
        var entries = mapping.Entries;
        var endMark = startMark;
        while (i < _count)
        {
            var line = _lines[i];
            if (line.Indent < indent) break;
            if (line.Indent > indent) return null;
            if (IsSequenceItem(line)) break;
            var key = ReadKey(line, out var afterColon);
            if (key is null) return null;
            var keyStart = MarkAt(line.Content, line);
            i++;
            YamlNode value;
            var v = SkipSpaces(afterColon, line.End);
            if (v < line.End)
            {
                var scalar = ReadValue(v, line, depth + 1);
                if (scalar is null) return null;
                value = scalar;
            }
            else if (i < _count && _lines[i].Indent > indent)
            {
                var child = _lines[i];
                YamlNode? nested = IsSequenceItem(child) ? ReadSequence(ref i, child.Indent, depth + 1) : ReadMapping(ref i, child.Indent, depth + 1);
                if (nested is null) return null;
                value = nested;
            }
            else if (i < _count && _lines[i].Indent == indent && IsSequenceItem(_lines[i]))
            {
                var nested = ReadSequence(ref i, indent, depth + 1);
                if (nested is null) return null;
                value = nested;
            }
            else
            {
                // "key:" with nothing under it is null; YamlDotNet marks it where the next token starts, so use the key's line end.
                var m = MarkAt(line.End, line);
                value = _pool.Scalar("", ScalarStyle.Plain, m, m);
            }
            entries.Add(new(key, keyStart, value));
            endMark = value.End;
        }
        if (entries.Count == 0) return null;
        mapping.Place(startMark, endMark);
        return mapping;
    }

    private YamlSequence? ReadSequence(ref int i, int indent, int depth)
    {
        if (depth > TaskListParser.MaxNesting) return null;
        var sequence = _pool.Sequence();
        var items = sequence.Items;
        var startMark = MarkAt(_lines[i].Content, _lines[i]);
        var endMark = startMark;
        while (i < _count)
        {
            var line = _lines[i];
            if (line.Indent < indent) break;
            if (line.Indent > indent || !IsSequenceItem(line)) return null;
            var c = SkipSpaces(line.Content + 1, line.End);
            if (c >= line.End || c == line.Content + 1) return null; // "-" alone, or "-x"
            YamlNode? item;
            if (LooksLikeKey(c, line.End))
            {
                // "- key: value" starts a mapping whose keys sit at the column of "key".
                var column = c - line.LineStart;
                _lines[i].Indent = column;
                _lines[i].Content = c;
                item = ReadMapping(ref i, column, depth + 1);
            }
            else
            {
                if (_text[c] == '[') return null;
                item = ReadValue(c, line, depth + 1);
                i++;
            }
            if (item is null) return null;
            items.Add(item);
            endMark = item.End;
        }
        sequence.Place(startMark, endMark);
        return sequence;
    }

    private bool IsSequenceItem(in Line line) => _text[line.Content] == '-' && (line.Content + 1 == line.End || _text[line.Content + 1] == ' ');

    private string? ReadKey(in Line line, out int afterColon)
    {
        afterColon = 0;
        var t = _text;
        var p = line.Content;
        if (!IsKeyChar(t[p]) || t[p] == '-') return null;
        while (p < line.End && IsKeyChar(t[p])) p++;
        if (p >= line.End || t[p] != ':' || (p + 1 < line.End && t[p + 1] != ' ')) return null;
        afterColon = p + 1;
        return KnownKeys.Get(t.AsSpan(line.Content, p - line.Content));
    }

    private bool LooksLikeKey(int p, int end)
    {
        var t = _text;
        if (!IsKeyChar(t[p]) || t[p] == '-') return false;
        while (p < end && IsKeyChar(t[p])) p++;
        return p < end && t[p] == ':' && (p + 1 == end || t[p + 1] == ' ');
    }

    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.';

    private int SkipSpaces(int p, int end)
    {
        while (p < end && _text[p] == ' ') p++;
        return p;
    }

    /// <summary>A scalar or a one-line flow list running to the end of the line.</summary>
    private YamlNode? ReadValue(int p, in Line line, int depth)
    {
        var t = _text;
        var first = t[p];
        if (first == '[') return depth > TaskListParser.MaxNesting ? null : ReadFlowList(p, line);
        if (first is '"' or '\'')
        {
            var close = t.IndexOf(first, p + 1, line.End - p - 1);
            if (close != line.End - 1) return null;
            var value = t.Substring(p + 1, close - p - 1);
            if (first == '"' && value.Contains('\\')) return null;
            return _pool.Scalar(value, first == '"' ? ScalarStyle.DoubleQuoted : ScalarStyle.SingleQuoted, MarkAt(p, line), MarkAt(line.End, line));
        }
        return IsSafePlain(p, line.End, flow: false)
            ? _pool.Scalar(t.Substring(p, line.End - p), ScalarStyle.Plain, MarkAt(p, line), MarkAt(line.End, line))
            : null;
    }

    private YamlSequence? ReadFlowList(int p, in Line line)
    {
        var t = _text;
        if (t[line.End - 1] != ']') return null;
        var sequence = _pool.Sequence();
        var items = sequence.Items;
        var c = SkipSpaces(p + 1, line.End - 1);
        while (c < line.End - 1)
        {
            var comma = t.IndexOf(',', c, line.End - 1 - c);
            var itemEnd = comma < 0 ? line.End - 1 : comma;
            var e = itemEnd;
            while (e > c && t[e - 1] == ' ') e--;
            if (e == c || !IsSafePlain(c, e, flow: true)) return null;
            items.Add(_pool.Scalar(t.Substring(c, e - c), ScalarStyle.Plain, MarkAt(c, line), MarkAt(e, line)));
            if (comma < 0) break;
            c = SkipSpaces(comma + 1, line.End - 1);
            if (c >= line.End - 1) return null; // trailing comma
        }
        sequence.Place(MarkAt(p, line), MarkAt(line.End, line));
        return sequence;
    }

    /// <summary>A plain scalar whose meaning is obvious: no indicator first, no ": " or " #", no flow characters in a flow list.</summary>
    private bool IsSafePlain(int p, int end, bool flow)
    {
        var t = _text;
        var first = t[p];
        if (first is '-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`')
            return false;
        var s = t.AsSpan(p, end - p);
        if (s[^1] == ':' || s.Contains(": ", StringComparison.Ordinal) || s.Contains(" #", StringComparison.Ordinal)) return false;
        if (flow && s.IndexOfAny("[]{},\"'") >= 0) return false;
        return true;
    }
}
