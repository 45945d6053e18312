using System.Text;
using Lemegeton.Hocon;

namespace Lemegeton.Hosting.Configuration;

/// <summary>
/// Writes a resolved tree as HOCON that Akka's own parser reads the same way we do: nested objects
/// with every key quoted, every string value quoted and escaped, numbers, booleans and null bare,
/// nothing for Akka to substitute, concatenate or append. (Akka's parser reads <c>a += 2</c> as a key
/// named "a +" and overflows its stack on <c>${?VAR}</c>; none of that survives our resolution.)
/// </summary>
internal static class AkkaHoconWriter
{
    /// <summary>Nested HOCON text for the entries, in their order.</summary>
    public static string Document(IEnumerable<AkkaConfigEntry> entries)
    {
        var root = new Node();
        foreach (var entry in entries)
        {
            var node = root;
            foreach (var element in entry.Path)
            {
                node = node.Child(element);
            }

            node.Leaf = entry.Value;
        }

        var text = new StringBuilder();
        foreach (var (key, child) in root.Children)
        {
            WriteField(text, key, child, 0);
        }

        return text.ToString();
    }

    /// <summary>One value in HOCON: a quoted string, a bare number/boolean/null, a list or an object.</summary>
    public static string Value(HoconValue value)
    {
        var text = new StringBuilder();
        WriteValue(text, value);
        return text.ToString();
    }

    /// <summary><c>akka.actor."serialization-bindings"."A.B, C"</c>-style path: elements quoted only when they need it.</summary>
    public static string DisplayPath(IEnumerable<string> path) =>
        string.Join('.', path.Select(e => e.Length > 0 && e.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? e : Quote(e)));

    private static void WriteField(StringBuilder text, string key, Node node, int depth)
    {
        text.Append(' ', depth * 2).Append(Quote(key));
        if (node.Leaf is not null)
        {
            text.Append(" = ");
            WriteValue(text, node.Leaf);
            text.Append('\n');
            return;
        }

        text.Append(" {\n");
        foreach (var (childKey, child) in node.Children)
        {
            WriteField(text, childKey, child, depth + 1);
        }

        text.Append(' ', depth * 2).Append("}\n");
    }

    private static void WriteValue(StringBuilder text, HoconValue value)
    {
        switch (value)
        {
            case HoconScalar { Kind: HoconScalarKind.Null }:
                text.Append("null");
                break;
            case HoconScalar { Kind: HoconScalarKind.Number or HoconScalarKind.Boolean } scalar:
                text.Append(scalar.Text);
                break;
            case HoconScalar scalar:
                text.Append(Quote(scalar.Text));
                break;
            case HoconArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0) text.Append(", ");
                    WriteValue(text, array[i]);
                }

                text.Append(']');
                break;
            case HoconObject obj:
                text.Append('{');
                var first = true;
                foreach (var (key, child) in obj.Fields)
                {
                    text.Append(first ? " " : ", ").Append(Quote(key)).Append(" = ");
                    WriteValue(text, child);
                    first = false;
                }

                text.Append(first ? "}" : " }");
                break;
        }
    }

    /// <summary>A JSON string literal; non-ASCII text is kept as is.</summary>
    internal static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                case < ' ': quoted.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)); break;
                default: quoted.Append(c); break;
            }
        }

        return quoted.Append('"').ToString();
    }

    private sealed class Node
    {
        public OrderedDictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);

        public HoconValue? Leaf { get; set; }

        public Node Child(string key)
        {
            if (!Children.TryGetValue(key, out var child))
            {
                child = new Node();
                Children.Add(key, child);
            }

            return child;
        }
    }
}
