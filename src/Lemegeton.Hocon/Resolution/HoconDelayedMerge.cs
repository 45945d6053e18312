namespace Lemegeton.Hocon;

/// <summary>
/// Several definitions of one field that cannot be merged until substitutions are resolved
/// (e.g. <c>a = { x = 1 }</c> then <c>a = ${b}</c>). Earliest first; later definitions win, objects merge.
/// </summary>
internal sealed class HoconDelayedMerge : HoconValue
{
    public HoconDelayedMerge(HoconValue earlier, HoconValue later)
        : base(later.Position) => Stack = [earlier, later];

    public List<HoconValue> Stack { get; }

    internal override string Describe() => "a merge of several definitions";
}
