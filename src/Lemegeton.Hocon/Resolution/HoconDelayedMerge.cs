namespace Lemegeton.Hocon;

/// <summary>
/// Several definitions of one field that cannot be merged until substitutions are resolved
/// (e.g. <c>a = { x = 1 }</c> then <c>a = ${b}</c>). Earliest first; later definitions win, objects merge.
/// </summary>
internal sealed class HoconDelayedMerge : HoconValue
{
    /// <summary>Most nested merges of one field; bounds the resolver's recursion on hostile input.</summary>
    internal const int MaxDepth = 512;

    public HoconDelayedMerge(HoconValue earlier, HoconValue later)
        : base(later.Position)
    {
        Stack = [earlier, later];
        Depth = Math.Max(earlier is HoconDelayedMerge e ? e.Depth : 0, later is HoconDelayedMerge l ? l.Depth : 0) + 1;
        if (Depth > MaxDepth)
        {
            throw new HoconException(later.Position, $"this field is redefined with substitutions more than {MaxDepth} times; define it once");
        }
    }

    public List<HoconValue> Stack { get; }

    public int Depth { get; }

    internal override string Describe() => "a merge of several definitions";
}
