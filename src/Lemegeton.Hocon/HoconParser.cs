using Lemegeton.Hocon.Parsing;
using Lemegeton.Hocon.Resolution;

namespace Lemegeton.Hocon;

/// <summary>
/// Reads HOCON (Lightbend's Human-Optimized Config Object Notation) into a resolved
/// <see cref="HoconObject"/>. See docs/configuration.md for the supported subset.
/// </summary>
public static class HoconParser
{
    /// <summary>Parses a document and resolves its substitutions.</summary>
    /// <param name="text">The document.</param>
    /// <param name="fileName">Shown in error messages and used to resolve relative includes; null for unnamed text.</param>
    /// <param name="options">Environment and include settings; null for the defaults.</param>
    /// <exception cref="HoconException">The text is not valid HOCON, an include is missing or unreadable, or a substitution cannot be resolved.</exception>
    public static HoconObject Parse(string text, string? fileName = null, HoconParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= HoconParseOptions.Default;
        var root = ParseUnresolved(text, fileName, options);
        HoconResolver.Resolve(root, options);
        return root;
    }

    /// <summary>Reads and parses a file; error messages name it as given in <paramref name="path"/>.</summary>
    public static HoconObject ParseFile(string path, HoconParseOptions? options = null) =>
        Parse(File.ReadAllText(path), path, options);

    /// <summary>
    /// Parses several documents as one, each later one overriding and extending the earlier ones (as if
    /// concatenated, so a later document may write <c>a += x</c> or <c>${a.b}</c> against an earlier one),
    /// then resolves substitutions once over the result.
    /// </summary>
    public static HoconObject ParseLayers(IEnumerable<(string Text, string? FileName)> documents, HoconParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        options ??= HoconParseOptions.Default;
        HoconObject? root = null;
        foreach (var (text, fileName) in documents)
        {
            root ??= new HoconObject(new HoconPosition(fileName, 1, 1));
            HoconDocumentParser.ParseInto(root, text, fileName, options);
        }

        root ??= new HoconObject(new HoconPosition(null, 1, 1));
        HoconResolver.Resolve(root, options);
        return root;
    }

    internal static HoconObject ParseUnresolved(string text, string? fileName, HoconParseOptions options)
    {
        var root = new HoconObject(new HoconPosition(fileName, 1, 1));
        HoconDocumentParser.ParseInto(root, text, fileName, options);
        return root;
    }
}
