namespace Lemegeton.Core.TaskList;

/// <summary>
/// One problem found in a task list, pointing at the file, line, column, PR and field, with a hint
/// on how to fix it where one helps. <see cref="ToString"/> gives the compiler-style
/// <c>path:line:col: PR-012: field: message</c> form.
/// </summary>
public sealed record TaskListDiagnostic(
    string? Path,
    int Line,
    int Column,
    string? PrId,
    string? Field,
    string Message,
    string? Hint = null,
    DiagnosticSeverity Severity = DiagnosticSeverity.Error)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The location and message without the hint: <c>path:line:col: PR-012: field: message</c>.</summary>
    public string Headline
    {
        get
        {
            var sb = new System.Text.StringBuilder(96);
            sb.Append(Path ?? "<task list>").Append(':').Append(Line).Append(':').Append(Column).Append(": ");
            if (Severity == DiagnosticSeverity.Warning) sb.Append("warning: ");
            if (PrId is not null) sb.Append(PrId).Append(": ");
            if (Field is not null) sb.Append(Field).Append(": ");
            sb.Append(Message);
            return sb.ToString();
        }
    }

    public override string ToString() => Hint is null ? Headline : $"{Headline} (hint: {Hint})";

    internal TaskListDiagnostic Moved(int lineDelta) => lineDelta == 0 ? this : this with { Line = Line + lineDelta };
}
