namespace Lemegeton.Core.TaskList;

/// <summary>
/// A parsed task list: the text it came from, the header metadata, the PRs that loaded (in file
/// order) and every problem found. Immutable; <see cref="TaskListParser.Reparse"/> makes a new one.
/// </summary>
public sealed class TaskListDocument
{

    internal TaskListDocument(
        string? path,
        string text,
        TaskListHeader header,
        TaskListValidator.Result validated,
        IReadOnlyList<TaskListDiagnostic> diagnostics,
        IReadOnlyList<ParsedBlock> blocks,
        TaskListParseOptions options,
        int headerEnd)
    {
        HeaderEnd = headerEnd;
        Path = path;
        Text = text;
        Header = header;
        Prs = validated.Prs;
        Validated = validated;
        Diagnostics = diagnostics;
        Blocks = blocks;
        Options = options;
        IsValid = !diagnostics.Any(d => d.IsError);
    }

    /// <summary>The file the list was read from, used in diagnostics; null for text parsed directly.</summary>
    public string? Path { get; }
    public string Text { get; }
    public TaskListHeader Header { get; }
    public IReadOnlyList<PullRequest> Prs { get; }

    /// <summary>Every problem found, errors and warnings, in file order.</summary>
    public IReadOnlyList<TaskListDiagnostic> Diagnostics { get; }

    /// <summary>True when no diagnostic is an error (warnings allowed).</summary>
    public bool IsValid { get; }

    public TaskListParseOptions Options { get; }

    /// <summary>Every PR section found, including those that did not load; kept for incremental re-parsing.</summary>
    internal IReadOnlyList<ParsedBlock> Blocks { get; }

    /// <summary>The whole-list check of this document, reused by a re-parse when the structure did not change.</summary>
    internal TaskListValidator.Result Validated { get; }

    /// <summary>Where the header ends: the start of the first PR section, or the end of the text.</summary>
    internal int HeaderEnd { get; }

    /// <summary>
    /// True when <paramref name="other"/> is this text but for the values of <c>cold_state</c> — what
    /// the hub's own commits change in the file: the same PRs in the same order, every other character
    /// the same. Compared in place, without copying either text.
    /// </summary>
    public bool DiffersOnlyInColdStates(TaskListDocument other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Prs.Count == 0 || Prs.Count != other.Prs.Count) return false;
        var (a, b) = (0, 0);
        for (var i = 0; i < Prs.Count; i++)
        {
            var (x, y) = (Prs[i], other.Prs[i]);
            var (sx, sy) = (x.ColdStateValue, y.ColdStateValue);
            if (!string.Equals(x.Id, y.Id, StringComparison.Ordinal) || sx.Length == 0 || sy.Length == 0 || sx.Start < a || sy.Start < b) return false;
            if (!Text.AsSpan(a, sx.Start - a).SequenceEqual(other.Text.AsSpan(b, sy.Start - b))) return false;
            (a, b) = (sx.End, sy.End);
        }
        return Text.AsSpan(a).SequenceEqual(other.Text.AsSpan(b));
    }

    public bool TryGet(string id, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out PullRequest pr)
    {
        ArgumentNullException.ThrowIfNull(id);
        var found = Validated.IndexById.TryGetValue(id, out var index);
        pr = found ? Prs[index] : null;
        return found;
    }

    /// <summary>Reads and parses a task-list file.</summary>
    /// <exception cref="TaskListException">The file cannot be read, or (strict mode) the list has errors.</exception>
    public static TaskListDocument Load(string path, TaskListParseOptions? options = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new TaskListException(path,
                [new TaskListDiagnostic(path, 0, 0, null, null, $"cannot read the task list: {e.Message}",
                    "check the path; the tasks commands read docs/task-list.md of the current repository by default")], e);
        }
        return TaskListParser.Parse(text, path, options);
    }
}
