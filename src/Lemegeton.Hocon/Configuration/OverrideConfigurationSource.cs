using Microsoft.Extensions.Configuration;

namespace Lemegeton.Hocon.Configuration;

/// <summary>
/// Flat key/value overrides (environment variables, command-line flags) with the same key and value
/// rules as the HOCON layers, so an override always lands on the key the HOCON provider produced.
/// </summary>
internal sealed class OverrideConfigurationSource : IConfigurationSource
{
    /// <summary>Keys already split into path elements; values as the user typed them.</summary>
    public required IReadOnlyList<KeyValuePair<string[], string?>> Entries { get; init; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new OverrideConfigurationProvider(Entries);

    private sealed class OverrideConfigurationProvider(IReadOnlyList<KeyValuePair<string[], string?>> entries) : ConfigurationProvider
    {
        public override void Load()
        {
            var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (path, value) in entries)
            {
                var segments = new string[path.Length];
                for (var i = 0; i < path.Length; i++)
                {
                    segments[i] = HoconConfigurationKey.NormalizeSegment(path[i]).ToLowerInvariant();
                }

                data[string.Join(':', segments)] = value is null ? null : HoconConfigurationValue.Normalize(value);
            }

            Data = data;
        }
    }
}
