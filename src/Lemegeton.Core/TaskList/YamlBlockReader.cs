using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Lemegeton.Core.TaskList;

/// <summary>
/// Reads one YAML block (a slice of the task-list text) into a <see cref="YamlNode"/> tree: with
/// <see cref="SimpleYamlReader"/> when the block is plain, else with YamlDotNet's event parser.
/// </summary>
internal static class YamlBlockReader
{
    /// <summary>Returns the root node, or null for a block with no content (empty or comments only).</summary>
    /// <exception cref="YamlException">Syntax error, with marks relative to the slice.</exception>
    public static YamlNode? Read(string text, int start, int end) =>
        SimpleYamlReader.TryRead(text, start, end, out var root) ? root : ReadWithYamlDotNet(text, start, end);

    /// <summary>Reads the block with YamlDotNet's event parser only (the full YAML language).</summary>
    public static YamlNode? ReadWithYamlDotNet(string text, int start, int end)
    {
        RefuseDeepFlow(text, start, end);
        var parser = new Parser(new Scanner(new StringSegmentReader(text, start, end), skipComments: true));
        parser.Consume<StreamStart>();
        if (parser.TryConsume<StreamEnd>(out _)) return null;
        parser.Consume<DocumentStart>();
        var root = ReadNode(parser);
        parser.Consume<DocumentEnd>();
        if (!parser.TryConsume<StreamEnd>(out _))
            throw new YamlException(parser.Current!.Start, parser.Current.End, "a YAML block holds one document; found a second one");
        return root;
    }

    /// <summary>The message of the error for a value nested deeper than <see cref="TaskListParser.MaxNesting"/>.</summary>
    internal static string TooDeep => $"lists and mappings are nested more than {TaskListParser.MaxNesting} levels deep";

    /// <summary>
    /// Refuses flow collections (<c>[[[…</c>, <c>{a: {a: …</c>) nested <see cref="TaskListParser.MaxNesting"/>
    /// deep before YamlDotNet sees them: its scanner keeps a possible key per open flow level and
    /// re-checks them all for every token, so deep flow nesting costs it quadratic time even though the
    /// reader would stop at the bound. A '[' or '{' counts where a node may start (at a line start or
    /// after ':', '-', ',', '?', '[' or '{'), outside quoted scalars and comments; a PR's own mapping is
    /// the first level, so the opener at flow depth MaxNesting is the one <see cref="ReadNode"/> refuses.
    /// </summary>
    private static void RefuseDeepFlow(string text, int start, int end)
    {
        var depth = 0;
        var line = 1;
        var lineStart = start;
        var previous = '\n'; // last significant character on the line; '\n' at a line start
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\n':
                    line++;
                    lineStart = i + 1;
                    previous = '\n';
                    continue;
                case ' ' or '\t' or '\r':
                    continue;
                case '#' when i == start || text[i - 1] is ' ' or '\t' or '\n':
                    while (i + 1 < end && text[i + 1] != '\n') i++;
                    continue;
                case '"' or '\'' when previous is '\n' or ':' or '-' or ',' or '?' or '[' or '{':
                    // A quoted scalar: skip to its closing quote (escapes in double quotes, doubled quotes in single).
                    for (i++; i < end; i++)
                    {
                        if (text[i] == '\n') { line++; lineStart = i + 1; }
                        else if (c == '"' && text[i] == '\\') i++;
                        else if (text[i] == c)
                        {
                            if (c == '\'' && i + 1 < end && text[i + 1] == '\'') i++;
                            else break;
                        }
                    }
                    previous = c;
                    continue;
                case '[' or '{' when previous is '\n' or ':' or '-' or ',' or '?' or '[' or '{':
                    if (++depth >= TaskListParser.MaxNesting)
                    {
                        var mark = new Mark(i - start, line, i - lineStart + 1);
                        throw new YamlException(mark, mark, TooDeep);
                    }
                    break;
                case ']' or '}':
                    if (depth > 0) depth--;
                    break;
            }
            previous = c;
        }
    }

    /// <summary>A sequence or mapping being filled; for a mapping, the key read and waiting for its value.</summary>
    private sealed class Open(ParsingEvent start, List<YamlNode>? items, List<YamlEntry>? entries)
    {
        public ParsingEvent Start { get; } = start;
        public List<YamlNode>? Items { get; } = items;
        public List<YamlEntry>? Entries { get; } = entries;
        public YamlScalar? Key { get; set; }
    }

    // Iterative, with an explicit stack of open collections: the stack use is the same whatever the
    // input, and a collection deeper than MaxNesting (the root is level 1) is refused where it opens.
    private static YamlNode ReadNode(IParser parser)
    {
        var open = new List<Open>();
        while (true)
        {
            var ev = parser.Current ?? throw new YamlException("unexpected end of YAML");
            YamlNode? done = null;
            switch (ev)
            {
                case Scalar s:
                    parser.MoveNext();
                    done = new YamlScalar(s.Value, s.Style, s.Start, s.End);
                    break;
                case SequenceStart or MappingStart:
                    if (open.Count >= TaskListParser.MaxNesting) throw new YamlException(ev.Start, ev.End, TooDeep);
                    if (open.Count > 0 && open[^1] is { Entries: not null, Key: null })
                        throw new YamlException(ev.Start, ev.End, "keys must be plain text");
                    parser.MoveNext();
                    open.Add(ev is SequenceStart ? new Open(ev, [], null) : new Open(ev, null, []));
                    continue;
                case SequenceEnd or MappingEnd:
                {
                    var top = open[^1];
                    open.RemoveAt(open.Count - 1);
                    parser.MoveNext();
                    done = top.Items is not null
                        ? new YamlSequence(top.Items, top.Start.Start, ev.End)
                        : new YamlMapping(top.Entries!, top.Start.Start, ev.End);
                    break;
                }
                case AnchorAlias a:
                    throw new YamlException(a.Start, a.End, $"aliases (*{a.Value}) are not supported in task lists");
                default:
                    throw new YamlException(ev.Start, ev.End, $"unexpected {ev.GetType().Name}");
            }
            if (open.Count == 0) return done;
            var parent = open[^1];
            if (parent.Items is not null) parent.Items.Add(done);
            else if (parent.Key is null)
                parent.Key = (YamlScalar)done; // a collection as key was refused where it opened
            else
            {
                parent.Entries!.Add(new(parent.Key.Value, parent.Key.Start, done));
                parent.Key = null;
            }
        }
    }
}
