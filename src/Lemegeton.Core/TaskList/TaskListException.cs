namespace Lemegeton.Core.TaskList;

/// <summary>A task list refused in strict mode, or one that could not be read. Carries every problem found.</summary>
public sealed class TaskListException : Exception
{
    public TaskListException(string? path, IReadOnlyList<TaskListDiagnostic> diagnostics, Exception? inner = null)
        : this(path, diagnostics, null, inner)
    {
    }

    internal TaskListException(string? path, IReadOnlyList<TaskListDiagnostic> diagnostics, TaskListDocument? document, Exception? inner = null)
        : base(BuildMessage(path, diagnostics), inner)
    {
        Path = path;
        Diagnostics = diagnostics;
        Document = document;
    }

    public string? Path { get; }
    public IReadOnlyList<TaskListDiagnostic> Diagnostics { get; }

    /// <summary>The refused document, for reporting (its PRs are those that would have loaded); null when the file could not be read.</summary>
    public TaskListDocument? Document { get; }

    private static string BuildMessage(string? path, IReadOnlyList<TaskListDiagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.IsError);
        var head = $"Task list {path ?? "<text>"} is invalid ({errors} error{(errors == 1 ? "" : "s")})";
        return diagnostics.Count == 0 ? head : head + ":" + Environment.NewLine + string.Join(Environment.NewLine, diagnostics);
    }
}
