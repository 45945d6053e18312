using System.Text;

namespace Lemegeton.Hocon.Parsing;

/// <summary>
/// Recursive-descent parser for one HOCON document (plus the files it includes), producing the
/// unresolved value tree; <see cref="Resolution.HoconResolver"/> then replaces the substitutions.
/// </summary>
internal sealed partial class HoconDocumentParser
{
    private readonly HoconLexer _lexer;
    private readonly string? _fileName;
    private readonly HoconParseOptions _options;
    private readonly List<string> _includeChain;
    private HoconToken _token;
    private int _depth;

    /// <summary>Deepest nesting of objects and lists accepted; bounds the parser's recursion so hostile input cannot overflow the stack.</summary>
    internal const int MaxNesting = 256;

    private HoconDocumentParser(string text, string? fileName, HoconParseOptions options, List<string> includeChain)
    {
        _lexer = new HoconLexer(text, fileName);
        _fileName = fileName;
        _options = options;
        _includeChain = includeChain;
    }

    /// <summary>Parses <paramref name="text"/> and merges its fields into <paramref name="root"/>, as if it followed what is already there.</summary>
    /// <param name="atRoot">
    /// False for an included file: its self-references are settled when its fields are merged into the
    /// including object, where the earlier values live.
    /// </param>
    public static void ParseInto(HoconObject root, string text, string? fileName, HoconParseOptions options, bool atRoot = true, List<string>? includeChain = null)
    {
        var parser = new HoconDocumentParser(text, fileName, options, includeChain ?? []);
        parser.ParseDocument(root, atRoot);
    }

    private void ParseDocument(HoconObject root, bool atRoot)
    {
        Advance();
        SkipWhitespaceAndNewlines();
        if (_token.Kind == HoconTokenKind.OpenBracket)
        {
            throw Error("the document is a list, but a configuration file must hold an object (fields, optionally inside { })");
        }

        if (_token.Kind == HoconTokenKind.OpenBrace)
        {
            var open = _token;
            Advance();
            ParseFields(root, [], atRoot, HoconTokenKind.CloseBrace, open);
            Advance();
            SkipWhitespaceAndNewlines();
            if (_token.Kind != HoconTokenKind.End)
            {
                throw Error($"expected the end of the file after the closing '}}' of the root object, got {Describe(_token)}");
            }
        }
        else
        {
            ParseFields(root, [], atRoot, HoconTokenKind.End, _token);
        }
    }

    private void Advance() => _token = _lexer.Next();

    private void SkipWhitespace()
    {
        while (_token.Kind == HoconTokenKind.Whitespace)
        {
            Advance();
        }
    }

    private void SkipWhitespaceAndNewlines()
    {
        while (_token.Kind is HoconTokenKind.Whitespace or HoconTokenKind.Newline)
        {
            Advance();
        }
    }

    private HoconPosition Position => _lexer.PositionOf(_token);

    private HoconException Error(string problem) => new(Position, problem);

    /// <summary>Fields until <paramref name="closing"/> (left as the current token).</summary>
    /// <param name="path">Absolute path of the object, or null inside a list.</param>
    private void ParseFields(HoconObject target, string[]? path, bool atRoot, HoconTokenKind closing, HoconToken opener)
    {
        while (true)
        {
            SkipWhitespaceAndNewlines();
            if (_token.Kind == closing)
            {
                return;
            }

            if (_token.Kind == HoconTokenKind.End)
            {
                throw Error($"expected '}}' to close the object opened at line {opener.Line}, column {opener.Column}, got the end of the file");
            }

            if (_token is { Kind: HoconTokenKind.Unquoted, Text: "include" })
            {
                ParseInclude(target, path, atRoot);
            }
            else
            {
                ParseField(target, path, atRoot);
            }

            SkipWhitespace();
            switch (_token.Kind)
            {
                case HoconTokenKind.Comma:
                    Advance();
                    break;
                case HoconTokenKind.Newline:
                case HoconTokenKind.End:
                    break;
                default:
                    if (_token.Kind != closing)
                    {
                        throw Error($"expected ',' or a new line after a field, got {Describe(_token)}");
                    }

                    break;
            }
        }
    }

    private void ParseField(HoconObject target, string[]? path, bool atRoot)
    {
        var keyPosition = Position;
        var (segments, quoted, keyText) = ParseKey();
        // A path key a.b.c nests objects as deeply as a { b { c … } } does: it counts against the same bound.
        var extra = segments.Length - 1;
        if (_depth + extra > MaxNesting)
        {
            throw new HoconException(keyPosition, $"objects and lists are nested more than {MaxNesting} levels deep (the key '{Shorten(keyText)}' alone has {segments.Length} parts)");
        }

        _depth += extra;
        try
        {
            ParseFieldValue(target, path, atRoot, keyPosition, segments, quoted, keyText);
        }
        finally
        {
            _depth -= extra;
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    private void ParseFieldValue(HoconObject target, string[]? path, bool atRoot, HoconPosition keyPosition, string[] segments, bool[] quoted, string keyText)
    {
        SkipWhitespace();
        var fieldPath = path is null ? null : Concat(path, segments);
        HoconValue value;
        switch (_token.Kind)
        {
            case HoconTokenKind.Colon:
            case HoconTokenKind.Equals:
                Advance();
                SkipWhitespaceAndNewlines();
                value = ParseValue(fieldPath, keyText);
                break;
            case HoconTokenKind.OpenBrace:
                value = ParseValue(fieldPath, keyText);
                break;
            case HoconTokenKind.PlusEquals:
            {
                var at = Position;
                Advance();
                SkipWhitespaceAndNewlines();
                var element = ParseValue(fieldPath, keyText);
                // a += b is a = ${?a} [b] (spec, "The += field separator").
                var selfPath = fieldPath ?? segments;
                var previous = new HoconSubstitution(selfPath, HoconPath.Format(selfPath), optional: true, at);
                var concatenation = new HoconConcatenation([previous, new HoconArray(element.Position, [element])], at)
                {
                    AppendTo = keyText,
                };
                value = concatenation;
                break;
            }

            default:
                throw Error($"expected ':', '=' or '{{' after the key '{keyText}', got {Describe(_token)}");
        }

        for (var i = segments.Length - 1; i > 0; i--)
        {
            var wrapper = new HoconObject(keyPosition);
            wrapper.Set(segments[i], value, quoted[i]);
            value = wrapper;
        }

        DuplicateKeyMerge.MergeField(target, segments[0], value, path is null ? null : [.. path, segments[0]], quoted[0], atRoot);
    }

    /// <summary>A path expression: unquoted parts split at '.', quoted parts taken whole, inner whitespace kept.</summary>
    private (string[] Segments, bool[] Quoted, string Text) ParseKey()
    {
        var startToken = _token;
        // Fast path: one unquoted token followed by the separator, the overwhelmingly common key.
        if (_token.Kind == HoconTokenKind.Unquoted && _lexer.NextNonBlankChar() is ':' or '=' or '{' or '+')
        {
            var text = _token.Text!;
            if (text.IndexOf('.') < 0)
            {
                Advance();
                return ([text], [false], text);
            }
        }

        var segments = new List<string>(2);
        var quotedFlags = new List<bool>(2);
        var current = new StringBuilder();
        var currentHasText = false;
        var currentQuoted = false;
        var started = false;
        string? pendingWhitespace = null;
        var raw = new StringBuilder();
        while (true)
        {
            switch (_token.Kind)
            {
                case HoconTokenKind.Unquoted:
                {
                    if (pendingWhitespace is not null)
                    {
                        current.Append(pendingWhitespace);
                        raw.Append(pendingWhitespace);
                        currentHasText = true;
                        pendingWhitespace = null;
                    }

                    var text = _token.Text!;
                    raw.Append(text);
                    var pieceStart = 0;
                    while (true)
                    {
                        var dot = text.IndexOf('.', pieceStart);
                        var piece = dot < 0 ? text.AsSpan(pieceStart) : text.AsSpan(pieceStart, dot - pieceStart);
                        current.Append(piece);
                        currentHasText |= !piece.IsEmpty;
                        if (dot < 0)
                        {
                            break;
                        }

                        FinishSegment();
                        pieceStart = dot + 1;
                    }

                    break;
                }

                case HoconTokenKind.Quoted:
                    if (pendingWhitespace is not null)
                    {
                        current.Append(pendingWhitespace);
                        raw.Append(pendingWhitespace);
                        pendingWhitespace = null;
                    }

                    current.Append(_token.Text);
                    raw.Append('"').Append(_token.Text).Append('"');
                    currentHasText = true;
                    currentQuoted = true;
                    break;
                case HoconTokenKind.Whitespace:
                    if (started)
                    {
                        pendingWhitespace = _lexer.Slice(_token);
                    }

                    break;
                case HoconTokenKind.TripleQuoted:
                    throw Error("a key cannot be a triple-quoted string; use \"…\"");
                case HoconTokenKind.Substitution:
                    throw Error("a key cannot contain a substitution; substitutions are only allowed in values");
                default:
                    if (!started)
                    {
                        throw Error($"expected a key, got {Describe(_token)}");
                    }

                    FinishSegment();
                    return ([.. segments], [.. quotedFlags], raw.ToString());
            }

            started = true;
            Advance();
        }

        void FinishSegment()
        {
            if (!currentHasText)
            {
                throw new HoconException(_lexer.PositionOf(startToken),
                    $"invalid key '{raw}': a path element is empty (write \"\" to mean an empty key)");
            }

            segments.Add(current.ToString());
            quotedFlags.Add(currentQuoted);
            current.Clear();
            currentHasText = false;
            currentQuoted = false;
        }
    }

    /// <summary>
    /// A value: one or more simple values, objects, lists or substitutions on one line. Several parts
    /// form a concatenation; parts that are all plain text are joined right away.
    /// </summary>
    /// <param name="key">The field's key, for the error message; null for a list element.</param>
    private HoconValue ParseValue(string[]? fieldPath, string? key)
    {
        HoconValue? first = null;
        List<HoconValue>? parts = null;
        HashSet<int>? whitespace = null;
        HoconToken pendingWhitespace = default;
        var hasPendingWhitespace = false;
        while (true)
        {
            switch (_token.Kind)
            {
                case HoconTokenKind.Whitespace:
                    if (first is not null)
                    {
                        pendingWhitespace = _token;
                        hasPendingWhitespace = true;
                    }

                    Advance();
                    continue;
                case HoconTokenKind.Unquoted:
                case HoconTokenKind.Quoted:
                case HoconTokenKind.TripleQuoted:
                case HoconTokenKind.Substitution:
                case HoconTokenKind.OpenBrace:
                case HoconTokenKind.OpenBracket:
                {
                    var part = ParseSingle(fieldPath);
                    if (first is null)
                    {
                        first = part;
                    }
                    else
                    {
                        parts ??= [first];
                        if (hasPendingWhitespace)
                        {
                            (whitespace ??= []).Add(parts.Count);
                            parts.Add(new HoconScalar(_lexer.Slice(pendingWhitespace), HoconScalarKind.String, false, _lexer.PositionOf(pendingWhitespace)));
                        }

                        parts.Add(part);
                    }

                    hasPendingWhitespace = false;
                    continue;
                }
            }

            break;
        }

        if (first is null)
        {
            throw Error(key is null
                ? $"expected a list element, got {Describe(_token)}"
                : $"expected a value for '{key}', got {Describe(_token)}");
        }

        if (parts is null)
        {
            return first;
        }

        var allText = true;
        foreach (var part in parts)
        {
            allText &= part is HoconScalar;
        }

        if (allText)
        {
            var sb = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < parts.Count; i++)
            {
                var scalar = (HoconScalar)parts[i];
                sb.Append(scalar.Text);
                quoted |= scalar.Quoted;
            }

            return new HoconScalar(sb.ToString(), HoconScalarKind.String, quoted, first.Position);
        }

        var concatenation = new HoconConcatenation(parts, first.Position);
        if (whitespace is not null)
        {
            concatenation.WhitespaceParts.UnionWith(whitespace);
        }

        return concatenation;
    }

    private HoconValue ParseSingle(string[]? fieldPath)
    {
        var token = _token;
        var position = Position;
        if (token.Kind is HoconTokenKind.OpenBrace or HoconTokenKind.OpenBracket)
        {
            if (_depth >= MaxNesting)
            {
                throw Error($"objects and lists are nested more than {MaxNesting} levels deep");
            }

            _depth++;
            try
            {
                return ParseStructure(token, fieldPath, position);
            }
            finally
            {
                _depth--;
            }
        }

        switch (token.Kind)
        {
            case HoconTokenKind.Unquoted:
                Advance();
                return Unquoted(token.Text!, position);
            case HoconTokenKind.Quoted:
            case HoconTokenKind.TripleQuoted:
                Advance();
                return new HoconScalar(token.Text!, HoconScalarKind.String, quoted: true, position);
            case HoconTokenKind.Substitution:
            {
                string[] path;
                try
                {
                    path = HoconPath.Parse(token.Text!);
                }
                catch (ArgumentException e)
                {
                    throw new HoconException(position, $"invalid substitution ${{{token.Text}}}: {e.Message}");
                }

                Advance();
                return new HoconSubstitution(path, token.Text!, token.Optional, position);
            }

            default:
                throw Error($"expected a value, got {Describe(token)}");
        }
    }

    private HoconValue ParseStructure(HoconToken token, string[]? fieldPath, HoconPosition position)
    {
        if (token.Kind == HoconTokenKind.OpenBracket)
        {
            return ParseList(token, position);
        }

        Advance();
        var obj = new HoconObject(position);
        ParseFields(obj, fieldPath, atRoot: false, HoconTokenKind.CloseBrace, token);
        Advance();
        return obj;
    }

    private HoconArray ParseList(HoconToken opener, HoconPosition position)
    {
        Advance();
        var items = new List<HoconValue>();
        while (true)
        {
            SkipWhitespaceAndNewlines();
            if (_token.Kind == HoconTokenKind.CloseBracket)
            {
                Advance();
                return new HoconArray(position, items);
            }

            if (_token.Kind == HoconTokenKind.End)
            {
                throw Error($"expected ']' to close the list opened at line {opener.Line}, column {opener.Column}, got the end of the file");
            }

            items.Add(ParseValue(null, null));
            SkipWhitespace();
            switch (_token.Kind)
            {
                case HoconTokenKind.Comma:
                    Advance();
                    break;
                case HoconTokenKind.Newline:
                case HoconTokenKind.CloseBracket:
                case HoconTokenKind.End:
                    break;
                default:
                    throw Error($"expected ',', a new line or ']' after a list element, got {Describe(_token)}");
            }
        }
    }

    private static HoconScalar Unquoted(string text, HoconPosition position) => text switch
    {
        "true" or "false" => new HoconScalar(text, HoconScalarKind.Boolean, false, position),
        "null" => new HoconScalar(text, HoconScalarKind.Null, false, position),
        _ => new HoconScalar(text, IsJsonNumber(text) ? HoconScalarKind.Number : HoconScalarKind.String, false, position),
    };

    internal static bool IsJsonNumber(ReadOnlySpan<char> s)
    {
        var i = 0;
        if (i < s.Length && s[i] == '-')
        {
            i++;
        }

        if (i >= s.Length || !char.IsAsciiDigit(s[i]))
        {
            return false;
        }

        if (s[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            var digitsStart = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == digitsStart)
            {
                return false;
            }
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                i++;
            }

            var digitsStart = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == digitsStart)
            {
                return false;
            }
        }

        return i == s.Length;
    }

    private static string[] Concat(string[] path, string[] segments) =>
        path.Length == 0 ? segments : [.. path, .. segments];

    private string Describe(in HoconToken token) => token.Kind switch
    {
        HoconTokenKind.End => "the end of the file",
        HoconTokenKind.Newline => "a new line",
        HoconTokenKind.Whitespace => "whitespace",
        HoconTokenKind.OpenBrace => "'{'",
        HoconTokenKind.CloseBrace => "'}'",
        HoconTokenKind.OpenBracket => "'['",
        HoconTokenKind.CloseBracket => "']'",
        HoconTokenKind.Comma => "','",
        HoconTokenKind.Colon => "':'",
        HoconTokenKind.Equals => "'='",
        HoconTokenKind.PlusEquals => "'+='",
        HoconTokenKind.Unquoted => $"'{token.Text}'",
        HoconTokenKind.Quoted or HoconTokenKind.TripleQuoted => $"the string \"{token.Text}\"",
        HoconTokenKind.Substitution => $"the substitution ${{{token.Text}}}",
        _ => _lexer.Slice(token),
    };
}
