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

    private static YamlNode ReadNode(IParser parser)
    {
        var ev = parser.Current ?? throw new YamlException("unexpected end of YAML");
        switch (ev)
        {
            case Scalar s:
                parser.MoveNext();
                return new YamlScalar(s.Value, s.Style, s.Start, s.End);
            case SequenceStart ss:
            {
                parser.MoveNext();
                var items = new List<YamlNode>();
                while (parser.Current is not SequenceEnd) items.Add(ReadNode(parser));
                var end = parser.Current.End;
                parser.MoveNext();
                return new YamlSequence(items, ss.Start, end);
            }
            case MappingStart ms:
            {
                parser.MoveNext();
                var entries = new List<YamlEntry>();
                while (parser.Current is not MappingEnd)
                {
                    var keyEvent = parser.Current!;
                    if (ReadNode(parser) is not YamlScalar key)
                        throw new YamlException(keyEvent.Start, keyEvent.End, "keys must be plain text");
                    entries.Add(new(key.Value, key.Start, ReadNode(parser)));
                }
                var end = parser.Current.End;
                parser.MoveNext();
                return new YamlMapping(entries, ms.Start, end);
            }
            case AnchorAlias a:
                throw new YamlException(a.Start, a.End, $"aliases (*{a.Value}) are not supported in task lists");
            default:
                throw new YamlException(ev.Start, ev.End, $"unexpected {ev.GetType().Name}");
        }
    }
}
