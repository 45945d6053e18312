using Microsoft.Extensions.Configuration;

namespace Lemegeton.Hocon.Configuration;

/// <summary>A configuration source backed by a HOCON document; see <see cref="HoconConfigurationExtensions"/>.</summary>
public sealed class HoconConfigurationSource : IConfigurationSource
{
    /// <summary>Produces the resolved tree when the provider loads; null means "nothing" (an optional file that is missing).</summary>
    public required Func<HoconObject?> Load { get; init; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new HoconConfigurationProvider(this);
}
