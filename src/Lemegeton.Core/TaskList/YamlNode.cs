using YamlDotNet.Core;

namespace Lemegeton.Core.TaskList;

/// <summary>
/// The small YAML tree a PR block is read into: scalars, sequences and mappings with their marks.
/// Built straight from YamlDotNet's event parser, which is much cheaper than its object deserializer.
/// </summary>
internal abstract class YamlNode(YamlMark start, YamlMark end)
{
    public YamlMark Start { get; private set; } = start;
    public YamlMark End { get; private set; } = end;

    /// <summary>Reuses a pooled node (see <see cref="YamlNodePool"/>).</summary>
    internal void Place(YamlMark start, YamlMark end)
    {
        Start = start;
        End = end;
    }

    /// <summary>The node as plain .NET values (string, long, double, bool, null, lists, dictionaries), for unknown keys.</summary>
    public abstract object? ToPlainValue();
}

internal sealed class YamlScalar(string value, ScalarStyle style, YamlMark start, YamlMark end) : YamlNode(start, end)
{
    public string Value { get; private set; } = value;
    public ScalarStyle Style { get; private set; } = style;

    internal YamlScalar Set(string value, ScalarStyle style, YamlMark start, YamlMark end)
    {
        Value = value;
        Style = style;
        Place(start, end);
        return this;
    }
    public bool IsPlain => Style is ScalarStyle.Plain or ScalarStyle.Any;
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>A plain YAML integer (core schema, decimal only).</summary>
    public bool TryGetInt(out int value)
    {
        value = 0;
        return IsPlain && int.TryParse(Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    public override object? ToPlainValue()
    {
        if (!IsPlain) return Value;
        if (IsNull) return null;
        if (Value is "true" or "True" or "TRUE") return true;
        if (Value is "false" or "False" or "FALSE") return false;
        if (long.TryParse(Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var l)) return l;
        if (double.TryParse(Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)) return d;
        return Value;
    }
}

internal sealed class YamlSequence(List<YamlNode> items, YamlMark start, YamlMark end) : YamlNode(start, end)
{
    public List<YamlNode> Items { get; } = items;
    public override object? ToPlainValue()
    {
        // Recursive, but over at most TaskListParser.MaxNesting levels; a plain loop keeps each frame small.
        var list = new List<object?>(Items.Count);
        foreach (var item in Items) list.Add(item.ToPlainValue());
        return list;
    }
}

internal sealed class YamlMapping(List<YamlEntry> entries, YamlMark start, YamlMark end) : YamlNode(start, end)
{
    public List<YamlEntry> Entries { get; } = entries;

    public YamlNode? Get(string key)
    {
        foreach (var e in Entries) if (e.Key == key) return e.Value;
        return null;
    }

    public override object? ToPlainValue()
    {
        var d = new Dictionary<string, object?>(Entries.Count, StringComparer.Ordinal);
        foreach (var e in Entries) d[e.Key] = e.Value.ToPlainValue();
        return d;
    }
}

/// <summary>A position inside a YAML block: 0-based index, 1-based line and column. Smaller than YamlDotNet's <see cref="Mark"/>, which matters at 40 nodes per block.</summary>
internal readonly record struct YamlMark(int Index, int Line, int Column)
{
    public static implicit operator YamlMark(Mark mark) => new((int)mark.Index, (int)mark.Line, (int)mark.Column);
}

/// <summary>One key of a mapping (keys are plain text; a struct, so a key costs no object of its own) and its value.</summary>
internal readonly record struct YamlEntry(string Key, YamlMark KeyStart, YamlNode Value);
