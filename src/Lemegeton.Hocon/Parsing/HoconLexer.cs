using System.Text;

namespace Lemegeton.Hocon.Parsing;

/// <summary>
/// Single-pass tokenizer over the document text. Comments are skipped (the newline that ends them
/// is still returned, since newlines separate fields). Positions are 1-based line and column.
/// </summary>
internal sealed class HoconLexer
{
    private readonly string _text;
    private readonly string? _fileName;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    public HoconLexer(string text, string? fileName)
    {
        _text = text;
        _fileName = fileName;
    }

    public HoconPosition PositionOf(in HoconToken token) => new(_fileName, token.Line, token.Column);

    public string Slice(in HoconToken token) => _text.Substring(token.Start, token.Length);

    /// <summary>The next character after the current token that is not blank (spaces, tabs), or '\0'.</summary>
    public char NextNonBlankChar()
    {
        var i = _pos;
        while (i < _text.Length && IsWhitespace(_text[i]))
        {
            i++;
        }

        return i < _text.Length ? _text[i] : '\0';
    }

    public HoconToken Next()
    {
        while (true)
        {
            if (_pos >= _text.Length)
            {
                return Make(HoconTokenKind.End, _pos, 0);
            }

            var c = _text[_pos];
            switch (c)
            {
                case '\n':
                {
                    var token = Make(HoconTokenKind.Newline, _pos, 1);
                    _pos++;
                    _line++;
                    _lineStart = _pos;
                    return token;
                }
                case '#':
                    SkipComment();
                    continue;
                case '/' when Peek(1) == '/':
                    SkipComment();
                    continue;
                case '{': return Single(HoconTokenKind.OpenBrace);
                case '}': return Single(HoconTokenKind.CloseBrace);
                case '[': return Single(HoconTokenKind.OpenBracket);
                case ']': return Single(HoconTokenKind.CloseBracket);
                case ',': return Single(HoconTokenKind.Comma);
                case ':': return Single(HoconTokenKind.Colon);
                case '=': return Single(HoconTokenKind.Equals);
                case '+':
                    if (Peek(1) == '=')
                    {
                        var token = Make(HoconTokenKind.PlusEquals, _pos, 2);
                        _pos += 2;
                        return token;
                    }

                    throw Error(_pos, "'+' is only allowed as part of '+='; put a value containing '+' in double quotes");
                case '"':
                    return Peek(1) == '"' && Peek(2) == '"' ? LexTripleQuoted() : LexQuoted();
                case '$':
                    return LexSubstitution();
                default:
                    if (IsWhitespace(c))
                    {
                        return LexWhitespace();
                    }

                    if (IsForbiddenInUnquoted(c))
                    {
                        throw Error(_pos, $"the character '{c}' is not allowed in an unquoted string; put the value in double quotes");
                    }

                    return LexUnquoted();
            }
        }
    }

    /// <summary>Whitespace other than the newline; includes the byte-order mark, as the spec asks.</summary>
    private static bool IsWhitespace(char c) => c != '\n' && (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF' || char.IsWhiteSpace(c));

    private static bool IsForbiddenInUnquoted(char c) => c switch
    {
        '$' or '"' or '{' or '}' or '[' or ']' or ':' or '=' or ',' or '+' or '#' or '`' or '^' or '?' or '!' or '@' or '*' or '&' or '\\' => true,
        _ => false,
    };

    private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private HoconToken Make(HoconTokenKind kind, int start, int length, string? text = null, bool optional = false) =>
        new(kind, start, length, _line, start - _lineStart + 1, text, optional);

    private HoconToken Single(HoconTokenKind kind)
    {
        var token = Make(kind, _pos, 1);
        _pos++;
        return token;
    }

    private void SkipComment()
    {
        var end = _text.IndexOf('\n', _pos);
        _pos = end < 0 ? _text.Length : end;
    }

    private HoconToken LexWhitespace()
    {
        var start = _pos;
        while (_pos < _text.Length && IsWhitespace(_text[_pos]))
        {
            _pos++;
        }

        return Make(HoconTokenKind.Whitespace, start, _pos - start);
    }

    private HoconToken LexUnquoted()
    {
        var start = _pos;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\n' || IsWhitespace(c) || (c == '/' && Peek(1) == '/'))
            {
                break;
            }

            if (IsForbiddenInUnquoted(c))
            {
                // The sign of a number's exponent ("1e+5") is part of the number, not a stray '+'.
                if (c == '+' && _pos > start && (_text[_pos - 1] is 'e' or 'E') && char.IsAsciiDigit(Peek(1))
                    && (char.IsAsciiDigit(_text[start]) || _text[start] == '-'))
                {
                    _pos++;
                    continue;
                }

                break;
            }

            _pos++;
        }

        return Make(HoconTokenKind.Unquoted, start, _pos - start, _text.Substring(start, _pos - start));
    }

    private HoconToken LexQuoted()
    {
        var start = _pos;
        var line = _line;
        var column = start - _lineStart + 1;
        _pos++;
        var contentStart = _pos;
        StringBuilder? sb = null;
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw new HoconException(new HoconPosition(_fileName, line, column),
                    "unterminated quoted string: a \"…\" string must end on the line it starts (use \"\"\"…\"\"\" for text over several lines)");
            }

            var c = _text[_pos];
            if (c == '"')
            {
                break;
            }

            if (c == '\\')
            {
                sb ??= new StringBuilder().Append(_text, contentStart, _pos - contentStart);
                _pos++;
                sb.Append(ReadEscape());
                continue;
            }

            sb?.Append(c);
            _pos++;
        }

        var text = sb?.ToString() ?? _text.Substring(contentStart, _pos - contentStart);
        _pos++;
        return new HoconToken(HoconTokenKind.Quoted, start, _pos - start, line, column, text);
    }

    private char ReadEscape()
    {
        var c = Peek(0);
        var at = _pos;
        _pos++;
        switch (c)
        {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                if (_pos + 4 <= _text.Length
                    && ushort.TryParse(_text.AsSpan(_pos, 4), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var code))
                {
                    _pos += 4;
                    return (char)code;
                }

                throw Error(at - 1, "invalid \\u escape: expected four hexadecimal digits");
            default:
                throw Error(at - 1, $"invalid escape '\\{(c == '\0' ? "" : c.ToString())}' in a quoted string; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
        }
    }

    private HoconToken LexTripleQuoted()
    {
        var start = _pos;
        var line = _line;
        var column = start - _lineStart + 1;
        _pos += 3;
        var contentStart = _pos;
        var end = _text.IndexOf("\"\"\"", _pos, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new HoconException(new HoconPosition(_fileName, line, column), "unterminated triple-quoted string: no closing \"\"\"");
        }

        // Quotes right before the closing """ belong to the content ("""a"""" is a" plus the closer).
        while (end + 3 < _text.Length && _text[end + 3] == '"')
        {
            end++;
        }

        for (var i = contentStart; i < end; i++)
        {
            if (_text[i] == '\n')
            {
                _line++;
                _lineStart = i + 1;
            }
        }

        _pos = end + 3;
        return new HoconToken(HoconTokenKind.TripleQuoted, start, _pos - start, line, column, _text.Substring(contentStart, end - contentStart));
    }

    private HoconToken LexSubstitution()
    {
        var start = _pos;
        if (Peek(1) != '{')
        {
            throw Error(_pos, "'$' must start a substitution like ${a.b}; put a value containing '$' in double quotes");
        }

        _pos += 2;
        var optional = false;
        if (Peek(0) == '?')
        {
            optional = true;
            _pos++;
        }

        var pathStart = _pos;
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw Error(start, "unterminated substitution: expected '}' to close '${'");
            }

            var c = _text[_pos];
            if (c == '}')
            {
                break;
            }

            if (c == '"')
            {
                var close = _text.IndexOf('"', _pos + 1);
                if (close < 0)
                {
                    throw Error(_pos, "unterminated quoted string in a substitution");
                }

                _pos = close + 1;
                continue;
            }

            if (c == '$' || c == '{')
            {
                throw Error(_pos, "substitutions cannot be nested");
            }

            _pos++;
        }

        var expression = _text.AsSpan(pathStart, _pos - pathStart).Trim().ToString();
        _pos++;
        return Make(HoconTokenKind.Substitution, start, _pos - start, expression, optional);
    }

    private HoconException Error(int at, string problem) =>
        new(new HoconPosition(_fileName, _line, at - _lineStart + 1), problem);
}
