namespace Lemegeton.Core.TaskList;

/// <summary>Options for <see cref="TaskListParser"/>.</summary>
public sealed record TaskListParseOptions
{
    public static TaskListParseOptions Strict { get; } = new();
    public static TaskListParseOptions Lenient { get; } = new() { Mode = TaskListValidationMode.Lenient };

    /// <summary>Strict (the default) refuses a list with any error; lenient loads what it can.</summary>
    public TaskListValidationMode Mode { get; init; } = TaskListValidationMode.Strict;

    /// <summary>
    /// Parse YAML blocks on several threads when the list has at least this many PRs. Default 64:
    /// below that the thread hand-off costs more than it saves.
    /// </summary>
    public int ParallelThreshold { get; init; } = 64;

    public bool IsLenient => Mode == TaskListValidationMode.Lenient;
}
