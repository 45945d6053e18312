using Lemegeton.Hocon;

namespace Lemegeton.Hosting.Configuration;

/// <summary>
/// One leaf of the effective <c>akka</c> subtree: its path from the root (starting with <c>akka</c>,
/// elements as written, dashes kept) and its value, a scalar, a whole list or an empty object.
/// </summary>
public sealed record AkkaConfigEntry(IReadOnlyList<string> Path, HoconValue Value)
{
    /// <summary>The path as one would write it in HOCON (<c>akka.cluster.roles</c>); elements that need it are quoted.</summary>
    public string DisplayPath => AkkaHoconWriter.DisplayPath(Path);

    /// <summary>The value as text: scalars as written, lists and objects in HOCON with quoted strings.</summary>
    public string DisplayValue => Value is HoconScalar scalar ? scalar.Text : AkkaHoconWriter.Value(Value);
}
