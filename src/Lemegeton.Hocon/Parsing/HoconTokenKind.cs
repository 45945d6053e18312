namespace Lemegeton.Hocon.Parsing;

internal enum HoconTokenKind : byte
{
    End,
    Newline,
    Whitespace,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Comma,
    Colon,
    Equals,
    PlusEquals,
    Unquoted,
    Quoted,
    TripleQuoted,
    Substitution,
}
