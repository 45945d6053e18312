namespace Lemegeton.Hocon;

/// <summary>
/// Values written next to each other on one line that include a substitution, an object or an array
/// (<c>${path} [ /usr/bin ]</c>, <c>${base} { extra = 1 }</c>, <c>${HOME}/work</c>). Whitespace between
/// parts is kept as <see cref="HoconScalar"/> parts; it matters only when the result is a string.
/// </summary>
internal sealed class HoconConcatenation : HoconValue
{
    public HoconConcatenation(List<HoconValue> parts, HoconPosition position)
        : base(position) => Parts = parts;

    public List<HoconValue> Parts { get; }

    /// <summary>Indices of parts that are whitespace between values rather than values.</summary>
    public HashSet<int> WhitespaceParts { get; } = [];

    /// <summary>The key of a <c>+=</c> field this concatenation came from, for a clearer error when the old value is not a list.</summary>
    public string? AppendTo { get; init; }

    internal override string Describe() => "a concatenation";
}
