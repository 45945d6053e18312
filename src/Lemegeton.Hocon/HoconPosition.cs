namespace Lemegeton.Hocon;

/// <summary>Where a HOCON value or error comes from: file name (null for unnamed text), 1-based line and column.</summary>
public readonly record struct HoconPosition(string? FileName, int Line, int Column)
{
    /// <summary>Formats as <c>file:line:col</c>, the form used at the start of every error message.</summary>
    public override string ToString() => $"{FileName ?? "<string>"}:{Line}:{Column}";
}
