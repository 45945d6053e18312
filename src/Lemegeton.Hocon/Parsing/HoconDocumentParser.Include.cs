using System.Text;

namespace Lemegeton.Hocon.Parsing;

internal sealed partial class HoconDocumentParser
{
    /// <summary>
    /// <c>include "f"</c>, <c>include file("f")</c>, <c>include required("f")</c> or
    /// <c>include required(file("f"))</c>: the included file's fields are merged here as if written in
    /// place. A missing file is ignored unless required. Relative names are resolved against the
    /// including file's directory.
    /// </summary>
    private void ParseInclude(HoconObject target, string[]? path, bool atRoot)
    {
        var at = Position;
        Advance();
        SkipWhitespaceAndNewlines();

        // '(' is legal in unquoted text, so "required(file(" arrives as one or more unquoted tokens.
        var opening = new StringBuilder();
        while (_token.Kind is HoconTokenKind.Unquoted or HoconTokenKind.Whitespace)
        {
            if (_token.Kind == HoconTokenKind.Unquoted)
            {
                opening.Append(_token.Text);
            }

            Advance();
        }

        if (_token.Kind != HoconTokenKind.Quoted)
        {
            throw Error($"expected a quoted file name after 'include' (e.g. include \"other.conf\" or include required(file(\"other.conf\"))), got {Describe(_token)}; write \"include\" in quotes to use it as a key");
        }

        var name = _token.Text!;
        var (required, parentheses) = ParseIncludeWrappers(opening.ToString(), at);
        Advance();
        var closing = 0;
        while (_token.Kind is HoconTokenKind.Unquoted or HoconTokenKind.Whitespace)
        {
            if (_token.Kind == HoconTokenKind.Unquoted)
            {
                foreach (var c in _token.Text!)
                {
                    if (c != ')')
                    {
                        throw Error($"unexpected '{_token.Text}' after the file name of an include");
                    }

                    closing++;
                }
            }

            Advance();
        }

        if (closing != parentheses)
        {
            throw new HoconException(at, $"include of \"{name}\" has {parentheses} opening but {closing} closing parentheses");
        }

        var included = LoadInclude(name, required, at);
        if (included is null)
        {
            return;
        }

        if (path is { Length: > 0 })
        {
            Relocate(included, path);
        }

        foreach (var (key, value) in included.Fields)
        {
            DuplicateKeyMerge.MergeField(target, key, value, path is null ? null : [.. path, key], included.IsQuotedKey(key), atRoot);
        }
    }

    private static (bool Required, int Parentheses) ParseIncludeWrappers(string opening, HoconPosition at)
    {
        var rest = opening.AsSpan();
        var required = false;
        var parentheses = 0;
        if (rest.StartsWith("required("))
        {
            required = true;
            parentheses++;
            rest = rest["required(".Length..];
        }

        if (rest.StartsWith("file("))
        {
            parentheses++;
            rest = rest["file(".Length..];
        }
        else if (rest.StartsWith("url(") || rest.StartsWith("classpath("))
        {
            throw new HoconException(at, $"include {rest[..rest.IndexOf('(')]}(…) is not supported; include files with include \"name.conf\" or include file(\"name.conf\")");
        }

        if (!rest.IsEmpty)
        {
            throw new HoconException(at, $"expected include \"name\", include file(\"name\") or include required(…), got 'include {opening}'");
        }

        return (required, parentheses);
    }

    private HoconObject? LoadInclude(string name, bool required, HoconPosition at)
    {
        var baseDirectory = _fileName is not null
            ? Path.GetDirectoryName(Path.GetFullPath(_fileName))
            : _options.BaseDirectory ?? Environment.CurrentDirectory;
        string full;
        try
        {
            full = Path.GetFullPath(Path.Combine(baseDirectory ?? ".", name));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            // e.g. a NUL character in the name (found by the fuzz tests).
            throw new HoconException(at, $"include \"{name.Replace("\0", "\\0", StringComparison.Ordinal)}\" is not a usable file name: {e.Message}");
        }

        // Without an extension, the spec loads every known format that exists: JSON first, then HOCON.
        string[] candidates = Path.HasExtension(name) ? [full] : [full + ".json", full + ".conf"];
        HoconObject? result = null;
        foreach (var candidate in candidates)
        {
            if (!File.Exists(candidate))
            {
                continue;
            }

            if (_includeChain.Contains(candidate, StringComparer.Ordinal) || string.Equals(candidate, CurrentFullPath(), StringComparison.Ordinal))
            {
                throw new HoconException(at, $"include cycle: {string.Join(" -> ", _includeChain.Append(CurrentFullPath() ?? "<string>").Append(candidate))}");
            }

            string text;
            try
            {
                text = File.ReadAllText(candidate);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new HoconException(at, $"cannot read included file '{candidate}': {e.Message}", e);
            }

            result ??= new HoconObject(at);
            _includeChain.Add(CurrentFullPath() ?? "<string>");
            try
            {
                ParseInto(result, text, candidate, _options, atRoot: false, _includeChain);
            }
            finally
            {
                _includeChain.RemoveAt(_includeChain.Count - 1);
            }
        }

        if (result is null && required)
        {
            throw new HoconException(at, $"required include \"{name}\" not found (looked for {string.Join(", ", candidates)})");
        }

        return result;
    }

    private string? CurrentFullPath() => _fileName is null ? null : Path.GetFullPath(_fileName);

    /// <summary>Substitutions of a file included below the root look under the include point first, then as written.</summary>
    private static void Relocate(HoconValue value, string[] prefix)
    {
        switch (value)
        {
            case HoconSubstitution substitution when !substitution.IsSelfReference:
                substitution.Relocate(prefix);
                break;
            case HoconObject obj:
                foreach (var (_, child) in obj.Fields)
                {
                    Relocate(child, prefix);
                }

                break;
            case HoconArray array:
                foreach (var item in array.Items)
                {
                    Relocate(item, prefix);
                }

                break;
            case HoconConcatenation concatenation:
                foreach (var part in concatenation.Parts)
                {
                    Relocate(part, prefix);
                }

                break;
            case HoconDelayedMerge merge:
                foreach (var definition in merge.Stack)
                {
                    Relocate(definition, prefix);
                }

                break;
        }
    }
}
