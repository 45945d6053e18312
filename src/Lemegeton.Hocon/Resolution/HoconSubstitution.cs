namespace Lemegeton.Hocon;

/// <summary>
/// <c>${a.b}</c> or <c>${?a.b}</c> before resolution. Looked up in the document root, then in the
/// environment; self-references are rewritten by the parser to look into the value they override.
/// </summary>
internal sealed class HoconSubstitution : HoconValue
{
    public HoconSubstitution(string[] path, string expression, bool optional, HoconPosition position)
        : base(position)
    {
        Path = path;
        Expression = expression;
        Optional = optional;
    }

    /// <summary>Path looked up, relative to <see cref="Scope"/> when that is set, else to the root.</summary>
    public string[] Path { get; private set; }

    /// <summary>The path as written; also the name of the environment variable consulted.</summary>
    public string Expression { get; }

    public bool Optional { get; }

    /// <summary>
    /// When an included file is merged below the root, its substitutions are first looked up under the
    /// include point (<see cref="Path"/>) and then as written (this fallback), as the spec requires.
    /// </summary>
    public string[]? FallbackPath { get; private set; }

    /// <summary>For a self-reference: the overridden value the path is looked up in.</summary>
    public HoconValue? Scope { get; private set; }

    /// <summary>A self-reference with no earlier value: only the environment can answer it.</summary>
    public bool NoPreviousValue { get; private set; }

    /// <summary>Whether the parser already turned this into a look-back; such a node is never rewritten twice.</summary>
    public bool IsSelfReference => Scope is not null || NoPreviousValue;

    public string Display => Optional ? $"${{?{Expression}}}" : $"${{{Expression}}}";

    public void Relocate(string[] prefix)
    {
        FallbackPath ??= Path;
        Path = [.. prefix, .. Path];
    }

    public void LookBackInto(HoconValue? previous, string[] relativePath)
    {
        Path = relativePath;
        FallbackPath = null;
        Scope = previous;
        NoPreviousValue = previous is null;
    }

    internal override string Describe() => $"the substitution {Display}";
}
