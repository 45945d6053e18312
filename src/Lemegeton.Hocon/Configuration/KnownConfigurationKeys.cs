namespace Lemegeton.Hocon.Configuration;

/// <summary>
/// The keys of the <c>lemegeton</c> section of reference.conf, the single list of the product's
/// keys: a key set anywhere else (project file, <c>LEMEGETON__…</c> variable, command-line override)
/// must be one of them. Lists and empty objects in reference.conf are open: anything below them is
/// allowed (list items, map entries). Keys outside <c>lemegeton</c> (e.g. <c>akka</c>) are not checked.
/// Keys compare as the configuration binder does: case and '-'/'_' ignored.
/// </summary>
public sealed class KnownConfigurationKeys
{
    private static readonly Lazy<KnownConfigurationKeys> LazyReference = new(() =>
    {
        var root = HoconParser.Parse(LemegetonConfiguration.ReadReferenceConf(), LemegetonConfiguration.ReferenceResourceName,
            new HoconParseOptions { EnvironmentVariables = _ => null });
        return new KnownConfigurationKeys(root);
    });

    private readonly Node _root;
    private readonly List<string> _values = [];

    /// <summary>The keys of the embedded reference.conf.</summary>
    public static KnownConfigurationKeys Reference => LazyReference.Value;

    /// <summary>The keys of the <c>lemegeton</c> section of <paramref name="reference"/>.</summary>
    public KnownConfigurationKeys(HoconObject reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _root = new Node(LemegetonConfiguration.RootSection, Kind.Section);
        if (reference[LemegetonConfiguration.RootSection] is HoconObject section) Add(_root, section);
    }

    /// <summary>Every known value key, dotted in reference.conf's spelling (<c>lemegeton.scheduler.max-parallel-prs</c>).</summary>
    public IReadOnlyList<string> Keys => _values;

    /// <summary>
    /// The known key at a configuration path (<c>lemegeton:leases:DefaultTtl</c>, as the binder names
    /// it) in reference.conf's spelling (<c>lemegeton.leases.default-ttl</c>), or null.
    /// </summary>
    public string? Find(string configurationPath)
    {
        ArgumentNullException.ThrowIfNull(configurationPath);
        var segments = configurationPath.Split([':', '.']);
        if (segments.Length == 0 || !string.Equals(segments[0], LemegetonConfiguration.RootSection, StringComparison.OrdinalIgnoreCase)) return null;
        var node = _root;
        for (var i = 1; i < segments.Length; i++)
            if (!node.Children.TryGetValue(Normalize(segments[i]), out node)) return null;
        return node.Path;
    }

    /// <summary>
    /// The problems with the <c>lemegeton</c> section of a resolved tree (reference.conf merged with the
    /// project file): every unknown key, at the position of its value.
    /// </summary>
    public List<ConfigurationKeyProblem> Check(HoconObject merged)
    {
        ArgumentNullException.ThrowIfNull(merged);
        var problems = new List<ConfigurationKeyProblem>();
        if (merged[LemegetonConfiguration.RootSection] is HoconObject section)
            Walk(section, _root, LemegetonConfiguration.RootSection, problems);
        else if (merged[LemegetonConfiguration.RootSection] is { } other)
            problems.Add(new(LemegetonConfiguration.RootSection, other.Position.ToString(), "is the product's section; give it keys, not a value", null));
        return problems;
    }

    /// <summary>
    /// The problem with one flat override (environment variable or flag) whose path is
    /// <paramref name="segments"/> (the first being <c>lemegeton</c>, any case), or null when the key
    /// is known or outside <c>lemegeton</c>.
    /// </summary>
    public ConfigurationKeyProblem? Check(IReadOnlyList<string> segments, string source)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (segments.Count == 0 || !string.Equals(segments[0], LemegetonConfiguration.RootSection, StringComparison.OrdinalIgnoreCase)) return null;
        var key = string.Join('.', segments.Select(s => s.ToLowerInvariant()));
        var node = _root;
        for (var i = 1; i < segments.Count; i++)
        {
            if (node.Kind == Kind.Open) return null;
            if (node.Kind == Kind.Value || !node.Children.TryGetValue(Normalize(segments[i]), out var child))
                return Unknown(key, source);
            node = child;
        }
        return node.Kind == Kind.Section ? NotAValue(key, node, source) : null;
    }

    private void Walk(HoconObject obj, Node known, string path, List<ConfigurationKeyProblem> problems)
    {
        foreach (var (key, value) in obj.Fields)
        {
            var childPath = path + "." + key;
            if (known.Kind == Kind.Value || !known.Children.TryGetValue(Normalize(key), out var child))
            {
                problems.Add(Unknown(childPath, value.Position.ToString()));
                continue;
            }
            switch (child.Kind)
            {
                case Kind.Open:
                    break;
                case Kind.Section when value is HoconObject inner:
                    Walk(inner, child, childPath, problems);
                    break;
                case Kind.Section:
                    problems.Add(NotAValue(childPath, child, value.Position.ToString()));
                    break;
                case Kind.Value when value is HoconObject inner:
                    Walk(inner, child, childPath, problems);
                    break;
            }
        }
    }

    private ConfigurationKeyProblem Unknown(string key, string source)
    {
        var suggestion = Closest(key);
        return new(key, source, suggestion is null ? "unknown key (the known keys are those of hocon/reference.conf)" : $"unknown key; did you mean {suggestion}?", suggestion);
    }

    private static ConfigurationKeyProblem NotAValue(string key, Node section, string source) =>
        new(key, source, $"is a section; set one of its keys ({string.Join(", ", section.Children.Values.Select(c => c.Name))})", null);

    /// <summary>Keys longer than this get no "did you mean" (no known key comes close to that length).</summary>
    internal const int MaxSuggestedLength = 256;

    /// <summary>The known key nearest to <paramref name="key"/> by edit distance (case, '-' and '_' ignored), or null when none is near.</summary>
    internal string? Closest(string key)
    {
        // Edit distance costs length × length: a key far longer than any known one gets no suggestion (found by the fuzz tests).
        if (key.Length > MaxSuggestedLength) return null;
        var wanted = Normalize(key);
        var lastDot = key.LastIndexOf('.');
        var wantedLast = Normalize(key[(lastDot + 1)..]);
        var wantedParent = lastDot < 0 ? "" : Normalize(key[..lastDot]);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in _values)
        {
            var normalized = Normalize(candidate);
            var distance = Distance(wanted, normalized);
            // A key of the same section that contains the given name, or is contained in it (ttl → default-ttl), is close too.
            var cut = candidate.LastIndexOf('.');
            var last = Normalize(candidate[(cut + 1)..]);
            if (Normalize(candidate[..cut]) == wantedParent && wantedLast.Length >= 3 && (last.Contains(wantedLast, StringComparison.Ordinal) || wantedLast.Contains(last, StringComparison.Ordinal)))
                distance = Math.Min(distance, 1 + Math.Abs(last.Length - wantedLast.Length) / 4);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }
        return bestDistance <= Math.Max(2, wantedLast.Length / 3) ? best : null;
    }

    private void Add(Node node, HoconObject obj)
    {
        foreach (var (key, value) in obj.Fields)
        {
            var path = node.Path + "." + key;
            var kind = value switch
            {
                HoconObject { Count: > 0 } => Kind.Section,
                HoconObject or HoconArray => Kind.Open,
                _ => Kind.Value,
            };
            var child = new Node(key, kind, path);
            node.Children[Normalize(key)] = child;
            if (value is HoconObject { Count: > 0 } inner) Add(child, inner);
            else _values.Add(path);
        }
    }

    /// <summary>As the binder compares keys: lower case, without '-' and '_' in each element.</summary>
    private static string Normalize(string key) => HoconConfigurationKey.NormalizeSegment(key).ToLowerInvariant();

    /// <summary>Levenshtein distance, two rows.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    private enum Kind
    {
        /// <summary>An object with keys: only those keys may appear under it.</summary>
        Section,

        /// <summary>A scalar: nothing may appear under it.</summary>
        Value,

        /// <summary>A list or an empty object: anything may appear under it.</summary>
        Open,
    }

    private sealed class Node(string name, Kind kind, string? path = null)
    {
        public string Name { get; } = name;
        public Kind Kind { get; } = kind;
        public string Path { get; } = path ?? name;
        public Dictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);
    }
}
