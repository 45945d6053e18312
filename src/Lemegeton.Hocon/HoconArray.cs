namespace Lemegeton.Hocon;

/// <summary>An ordered list of values.</summary>
public sealed class HoconArray : HoconValue
{
    private readonly List<HoconValue> _items;

    public HoconArray(HoconPosition position, List<HoconValue>? items = null)
        : base(position) => _items = items ?? [];

    /// <summary>The elements in document order.</summary>
    public IReadOnlyList<HoconValue> Items => _items;

    /// <summary>Number of elements.</summary>
    public int Count => _items.Count;

    /// <summary>The element at <paramref name="index"/>.</summary>
    public HoconValue this[int index] => _items[index];

    internal List<HoconValue> MutableItems => _items;

    internal override string Describe() => "a list";
}
