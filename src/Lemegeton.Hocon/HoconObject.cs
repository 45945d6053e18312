namespace Lemegeton.Hocon;

/// <summary>
/// A HOCON object: fields in the order they were first defined. The root of a document is an object.
/// Typed getters taking a path expression (<c>a.b.c</c>) are in HoconObject.Getters.cs.
/// </summary>
public sealed partial class HoconObject : HoconValue
{
    private readonly OrderedDictionary<string, HoconValue> _fields;
    private HashSet<string>? _quotedKeys;

    public HoconObject(HoconPosition position)
        : base(position) => _fields = new OrderedDictionary<string, HoconValue>(StringComparer.Ordinal);

    /// <summary>Number of fields.</summary>
    public int Count => _fields.Count;

    /// <summary>Field names in definition order.</summary>
    public IEnumerable<string> Keys => _fields.Keys;

    /// <summary>Fields in definition order.</summary>
    public IEnumerable<KeyValuePair<string, HoconValue>> Fields => _fields;

    /// <summary>The direct child called <paramref name="key"/> (not a path), or null.</summary>
    public HoconValue? this[string key] => _fields.TryGetValue(key, out var value) ? value : null;

    /// <summary>Looks up a direct child (not a path).</summary>
    public bool TryGetField(string key, out HoconValue value) => _fields.TryGetValue(key, out value!);

    /// <summary>
    /// True when the key was written in quotes (e.g. <c>"claude-code" { … }</c>). The configuration
    /// provider keeps such keys verbatim instead of dropping their '-' and '_'.
    /// </summary>
    public bool IsQuotedKey(string key) => _quotedKeys?.Contains(key) == true;

    internal void Set(string key, HoconValue value) => _fields[key] = value;

    internal void Set(string key, HoconValue value, bool quotedKey)
    {
        _fields[key] = value;
        if (quotedKey)
        {
            (_quotedKeys ??= new HashSet<string>(StringComparer.Ordinal)).Add(key);
        }
    }

    internal void Remove(string key) => _fields.Remove(key);

    internal string[] KeySnapshot()
    {
        var keys = new string[_fields.Count];
        var i = 0;
        foreach (var pair in _fields)
        {
            keys[i++] = pair.Key;
        }

        return keys;
    }

    internal void CopyQuotedKeysFrom(HoconObject other)
    {
        if (other._quotedKeys is null)
        {
            return;
        }

        foreach (var key in other._quotedKeys)
        {
            (_quotedKeys ??= new HashSet<string>(StringComparer.Ordinal)).Add(key);
        }
    }

    internal override string Describe() => "an object";
}
