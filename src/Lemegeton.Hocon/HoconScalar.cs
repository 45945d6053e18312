namespace Lemegeton.Hocon;

/// <summary>A string, number, boolean or null, with its text exactly as written (quotes and escapes removed).</summary>
public sealed class HoconScalar : HoconValue
{
    public HoconScalar(string text, HoconScalarKind kind, bool quoted, HoconPosition position)
        : base(position)
    {
        Text = text;
        Kind = kind;
        Quoted = quoted;
        State = ResolveState.Resolved;
    }

    /// <summary>The value's text; for <see cref="HoconScalarKind.Null"/> it is <c>"null"</c>.</summary>
    public string Text { get; }

    /// <summary>The JSON type of the value.</summary>
    public HoconScalarKind Kind { get; }

    /// <summary>
    /// True when any part of the value was written in quotes. Quoted strings are taken verbatim:
    /// the configuration provider never reinterprets them as durations or sizes.
    /// </summary>
    public bool Quoted { get; }

    /// <summary>True for the literal <c>null</c>.</summary>
    public bool IsNull => Kind == HoconScalarKind.Null;

    public override string ToString() => Text;

    internal override string Describe() => Kind switch
    {
        HoconScalarKind.Null => "null",
        HoconScalarKind.Number => $"the number {Text}",
        HoconScalarKind.Boolean => $"the boolean {Text}",
        _ => $"the string '{Text}'",
    };
}
