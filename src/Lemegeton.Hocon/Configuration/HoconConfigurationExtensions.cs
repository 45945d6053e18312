using Microsoft.Extensions.Configuration;

namespace Lemegeton.Hocon.Configuration;

/// <summary>Adds HOCON documents to an <see cref="IConfigurationBuilder"/>.</summary>
public static class HoconConfigurationExtensions
{
    /// <summary>Adds a HOCON file. A relative path is taken from the current directory when the configuration is built.</summary>
    /// <param name="optional">When true a missing file adds nothing; when false it fails the build with <see cref="FileNotFoundException"/>.</param>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path, bool optional = false, HoconParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.Add(new HoconConfigurationSource
        {
            Load = () =>
            {
                var full = Path.GetFullPath(path);
                if (!File.Exists(full))
                {
                    return optional ? null : throw new FileNotFoundException($"HOCON configuration file '{full}' not found.", full);
                }

                return HoconParser.ParseFile(full, options);
            },
        });
    }

    /// <summary>Adds HOCON text; <paramref name="name"/> appears in error messages as the file name.</summary>
    public static IConfigurationBuilder AddHoconString(this IConfigurationBuilder builder, string text, string? name = null, HoconParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(text);
        return builder.Add(new HoconConfigurationSource { Load = () => HoconParser.Parse(text, name, options) });
    }

    /// <summary>Adds an already parsed and resolved tree.</summary>
    public static IConfigurationBuilder AddHocon(this IConfigurationBuilder builder, HoconObject root)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(root);
        return builder.Add(new HoconConfigurationSource { Load = () => root });
    }
}
