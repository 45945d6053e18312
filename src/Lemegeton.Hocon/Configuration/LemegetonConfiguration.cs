using System.Collections;
using Microsoft.Extensions.Configuration;

namespace Lemegeton.Hocon.Configuration;

/// <summary>
/// The product's configuration, layered in increasing precedence:
/// <list type="number">
/// <item>reference.conf, embedded in this assembly (every default);</item>
/// <item><c>.lemegeton/lemegeton.conf</c> in the project (optional), merged with reference.conf as
/// HOCON, so it may use <c>${lemegeton.…}</c> and <c>+=</c> against the defaults;</item>
/// <item>environment variables <c>LEMEGETON__SECTION__KEY</c> (→ <c>lemegeton:section:key</c>);</item>
/// <item>command-line overrides.</item>
/// </list>
/// Everything lives under the <c>lemegeton</c> section. See docs/configuration.md.
/// </summary>
public static class LemegetonConfiguration
{
    /// <summary>The root section of every product key.</summary>
    public const string RootSection = "lemegeton";

    /// <summary>Environment variables starting with this (any case) override configuration keys.</summary>
    public const string EnvironmentPrefix = "LEMEGETON__";

    /// <summary>Name of the embedded reference configuration, also used in its error messages.</summary>
    public const string ReferenceResourceName = "reference.conf";

    /// <summary>The project configuration file: <c>{projectRoot}/.lemegeton/lemegeton.conf</c>.</summary>
    public static string ProjectFilePath(string projectRoot) => Path.Combine(projectRoot, ".lemegeton", "lemegeton.conf");

    /// <summary>How a command-line override is named as the source of a configuration problem.</summary>
    public const string CommandLineSource = "--set";

    /// <summary>The text of the embedded reference.conf.</summary>
    public static string ReadReferenceConf()
    {
        using var stream = typeof(LemegetonConfiguration).Assembly.GetManifestResourceStream(ReferenceResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ReferenceResourceName}' is missing from {typeof(LemegetonConfiguration).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// reference.conf with the project's <c>.lemegeton/lemegeton.conf</c> on top, resolved; substitutions
    /// not defined in the files read <paramref name="environment"/> (the process environment when null).
    /// </summary>
    /// <exception cref="HoconException">A file is not valid HOCON or a substitution cannot be resolved.</exception>
    public static HoconObject LoadHocon(string projectRoot, IDictionary? environment = null)
    {
        ArgumentNullException.ThrowIfNull(projectRoot);
        var layers = new List<(string, string?)> { (ReadReferenceConf(), ReferenceResourceName) };
        var projectFile = Path.GetFullPath(ProjectFilePath(projectRoot));
        if (File.Exists(projectFile))
        {
            layers.Add((File.ReadAllText(projectFile), projectFile));
        }

        var options = new HoconParseOptions
        {
            EnvironmentVariables = environment is null ? null : name => environment[name] as string,
            BaseDirectory = Path.GetDirectoryName(projectFile),
        };
        return HoconParser.ParseLayers(layers, options);
    }

    /// <summary>Builds the layered configuration for a project.</summary>
    /// <param name="projectRoot">The repository root (the directory holding <c>.lemegeton/</c>).</param>
    /// <param name="commandLineOverrides">
    /// Highest precedence. Keys are full paths with '.' or ':' separators (<c>lemegeton.leases.ttl</c>),
    /// values are written as in HOCON without quotes (<c>600s</c>); see <see cref="ParseOverride"/>.
    /// </param>
    /// <param name="environment">Environment variables; null reads the process environment. Tests pass a dictionary.</param>
    /// <exception cref="HoconException">reference.conf or the project file is not valid, naming file, line and column.</exception>
    /// <exception cref="ConfigurationKeyException">
    /// A key under <c>lemegeton</c> (in the project file, a variable or an override) is not in reference.conf;
    /// each is named with its source and the closest known key.
    /// </exception>
    public static IConfigurationRoot Build(
        string projectRoot,
        IEnumerable<KeyValuePair<string, string?>>? commandLineOverrides = null,
        IDictionary? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariables();
        var hocon = LoadHocon(projectRoot, environment);
        var known = KnownConfigurationKeys.Reference;
        var problems = known.Check(hocon);
        var builder = new ConfigurationBuilder();
        builder.AddHocon(hocon);
        var variables = EnvironmentOverrides(environment, out var names);
        for (var i = 0; i < variables.Count; i++)
        {
            if (known.Check(variables[i].Key, $"environment variable {names[i]}") is { } problem)
            {
                problems.Add(problem);
            }
        }

        builder.Add(new OverrideConfigurationSource { Entries = variables });
        if (commandLineOverrides is not null)
        {
            var entries = new List<KeyValuePair<string[], string?>>();
            foreach (var (key, value) in commandLineOverrides)
            {
                var path = key.Split([':', '.'], StringSplitOptions.TrimEntries);
                if (known.Check(path, CommandLineSource) is { } problem)
                {
                    problems.Add(problem);
                }

                entries.Add(new(path, value));
            }

            builder.Add(new OverrideConfigurationSource { Entries = entries });
        }

        if (problems.Count > 0)
        {
            throw new ConfigurationKeyException(problems);
        }

        return builder.Build();
    }

    /// <summary>
    /// Splits a command-line assignment <c>path=value</c> (e.g. <c>lemegeton.scheduler.max-parallel-prs=4</c>)
    /// into the pair <see cref="Build"/> takes.
    /// </summary>
    /// <exception cref="FormatException">There is no '=' or the path is empty.</exception>
    public static KeyValuePair<string, string?> ParseOverride(string assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var equals = assignment.IndexOf('=');
        if (equals <= 0)
        {
            throw new FormatException($"Expected a configuration override like lemegeton.leases.ttl=600s, got '{assignment}'.");
        }

        return new(assignment[..equals].Trim(), assignment[(equals + 1)..].Trim());
    }

    /// <summary><c>LEMEGETON__REDIS__EMBEDDED__DATA_DIR</c> → <c>lemegeton, redis, embedded, data_dir</c> (the '_' is dropped later).</summary>
    /// <remarks>Also gives the name of the variable each override came from.</remarks>
    internal static List<KeyValuePair<string[], string?>> EnvironmentOverrides(IDictionary environment, out List<string> names)
    {
        var entries = new List<KeyValuePair<string[], string?>>();
        names = [];
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is not string name || !name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var segments = name.Split("__");
            if (segments.Length < 2 || Array.Exists(segments, s => s.Length == 0))
            {
                continue;
            }

            entries.Add(new(segments, entry.Value as string));
            names.Add(name);
        }

        return entries;
    }
}
