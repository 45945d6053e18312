using Microsoft.Extensions.Configuration;

namespace Lemegeton.Hocon.Configuration;

/// <summary>
/// Serves a HOCON document as flat configuration keys. Parse and resolution errors surface as
/// <see cref="HoconException"/> from <c>Build()</c>, naming file, line and column.
/// </summary>
public sealed class HoconConfigurationProvider : ConfigurationProvider
{
    private readonly HoconConfigurationSource _source;

    public HoconConfigurationProvider(HoconConfigurationSource source) => _source = source;

    public override void Load() =>
        Data = _source.Load() is { } root
            ? HoconConfigurationFlattener.Flatten(root)
            : new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
}
