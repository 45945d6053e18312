namespace Lemegeton.Hocon.Parsing;

/// <summary>
/// One token. <see cref="Text"/> holds the decoded text of strings and unquoted runs and the raw path
/// of a substitution; whitespace keeps only its span so skipping it allocates nothing.
/// </summary>
internal readonly record struct HoconToken(
    HoconTokenKind Kind,
    int Start,
    int Length,
    int Line,
    int Column,
    string? Text = null,
    bool Optional = false);
