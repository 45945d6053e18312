using Akka.Configuration;
using Lemegeton.Hocon;
using Lemegeton.Hocon.Configuration;

namespace Lemegeton.Hosting.Configuration;

/// <summary>
/// The effective <c>akka</c> section of the product's configuration: the <c>akka { … }</c> subtree of
/// reference.conf and <c>.lemegeton/lemegeton.conf</c>, resolved by our HOCON reader (so <c>+=</c>,
/// <c>${?VAR}</c> and includes work), then the <c>--set akka.…=value</c> flags. Keys keep their
/// dashes (unlike the <c>IConfiguration</c> view, which drops them), because Akka reads them by name.
/// <see cref="ToConfig"/> hands the result to Akka as text its own parser reads safely.
/// </summary>
public sealed class AkkaConfiguration
{
    /// <summary>The root section Akka reads.</summary>
    public const string RootSection = "akka";

    private AkkaConfiguration(IReadOnlyList<AkkaConfigEntry> entries)
    {
        Entries = entries;
        HoconText = AkkaHoconWriter.Document(entries);
    }

    /// <summary>Every leaf under <c>akka</c>, ordered by path.</summary>
    public IReadOnlyList<AkkaConfigEntry> Entries { get; }

    /// <summary>The section as HOCON for Akka's parser: nested objects, keys and strings quoted.</summary>
    public string HoconText { get; }

    /// <summary>True for a <c>--set</c> flag meant for this section (<c>akka.…=value</c>).</summary>
    public static bool IsAkkaAssignment(string assignment) =>
        assignment is not null && assignment.StartsWith(RootSection + ".", StringComparison.Ordinal);

    /// <summary>
    /// The <c>akka</c> subtree of <paramref name="root"/> (a resolved tree such as
    /// <see cref="LemegetonConfiguration.LoadHocon"/> returns) with <paramref name="overrides"/> on top.
    /// </summary>
    /// <param name="overrides">
    /// <c>akka.path=value</c> flags, highest precedence. A value starting with <c>[</c>, <c>{</c> or <c>"</c>
    /// is read as HOCON (<c>akka.cluster.seed-nodes=["akka.tcp://lemegeton@10.0.0.5:4053"]</c>); anything
    /// else is taken verbatim as a string (<c>akka.loglevel=DEBUG</c>, <c>…acceptable-heartbeat-pause=2s</c>).
    /// </param>
    /// <exception cref="FormatException">A flag has no '=' or its path is not under <c>akka.</c>; the message names the flag.</exception>
    /// <exception cref="HoconException">A flag's HOCON value does not parse.</exception>
    public static AkkaConfiguration From(HoconObject root, IEnumerable<string>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var entries = new List<AkkaConfigEntry>();
        if (root[RootSection] is { } akka)
        {
            Flatten(akka, [RootSection], entries);
        }

        foreach (var assignment in overrides ?? [])
        {
            foreach (var entry in ParseOverride(assignment))
            {
                Apply(entries, entry);
            }
        }

        entries.Sort((a, b) => ComparePaths(a.Path, b.Path));
        return new AkkaConfiguration(entries);
    }

    /// <summary>The section as Akka's <see cref="Config"/>, for <c>AddHocon(config, HoconAddMode.Prepend)</c>.</summary>
    public Config ToConfig() => ConfigurationFactory.ParseString(HoconText);

    /// <summary>The value at a dotted path without quotes (<c>akka.loglevel</c>), or null.</summary>
    public HoconValue? Find(string path)
    {
        var elements = path.Split('.');
        return Entries.FirstOrDefault(e => e.Path.SequenceEqual(elements, StringComparer.Ordinal))?.Value;
    }

    private static void Flatten(HoconValue value, List<string> path, List<AkkaConfigEntry> entries)
    {
        if (value is HoconObject { Count: > 0 } obj)
        {
            foreach (var (key, child) in obj.Fields)
            {
                path.Add(key);
                Flatten(child, path, entries);
                path.RemoveAt(path.Count - 1);
            }

            return;
        }

        entries.Add(new AkkaConfigEntry(path.ToArray(), value));
    }

    private static List<AkkaConfigEntry> ParseOverride(string assignment)
    {
        KeyValuePair<string, string?> pair;
        try
        {
            pair = LemegetonConfiguration.ParseOverride(assignment);
        }
        catch (FormatException e)
        {
            throw new FormatException($"--set {assignment}: {e.Message}", e);
        }

        var path = pair.Key.Split('.', StringSplitOptions.TrimEntries);
        if (path[0] != RootSection || path.Length < 2 || Array.Exists(path, e => e.Length == 0))
        {
            throw new FormatException($"--set {assignment}: expected a path under akka., such as akka.loglevel=DEBUG");
        }

        var text = pair.Value ?? "";
        var position = new HoconPosition($"--set {pair.Key}", 1, 1);
        HoconValue value;
        if (text.Length > 0 && text[0] is '[' or '{' or '"')
        {
            var parsed = HoconParser.Parse("value = " + text, position.FileName);
            value = parsed["value"] ?? new HoconScalar("null", HoconScalarKind.Null, false, position);
        }
        else
        {
            value = new HoconScalar(text, HoconScalarKind.String, quoted: false, position);
        }

        var entries = new List<AkkaConfigEntry>();
        Flatten(value, [.. path], entries);
        return entries;
    }

    // A later value replaces whatever sat at its path or below it, and any leaf on the way to it
    // (a list or string replaced by an object); siblings stay: objects merge, as in HOCON.
    private static void Apply(List<AkkaConfigEntry> entries, AkkaConfigEntry entry)
    {
        entries.RemoveAll(e => IsPrefix(entry.Path, e.Path) || IsPrefix(e.Path, entry.Path));
        entries.Add(entry);
    }

    private static bool IsPrefix(IReadOnlyList<string> prefix, IReadOnlyList<string> path)
    {
        if (prefix.Count > path.Count) return false;
        for (var i = 0; i < prefix.Count; i++)
        {
            if (!string.Equals(prefix[i], path[i], StringComparison.Ordinal)) return false;
        }

        return true;
    }

    private static int ComparePaths(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var c = string.CompareOrdinal(a[i], b[i]);
            if (c != 0) return c;
        }

        return a.Count.CompareTo(b.Count);
    }
}
