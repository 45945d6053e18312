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
