namespace Lemegeton.Hocon;

/// <summary>A node of the HOCON value tree: <see cref="HoconObject"/>, <see cref="HoconArray"/> or <see cref="HoconScalar"/>.</summary>
public abstract class HoconValue
{
    private protected HoconValue(HoconPosition position) => Position = position;

    /// <summary>Where this value starts in its source.</summary>
    public HoconPosition Position { get; }

    // Bookkeeping of the substitution resolver: lets it detect cycles and memoise results by node.
    internal ResolveState State { get; set; }

    internal abstract string Describe();
}
