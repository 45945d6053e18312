namespace Lemegeton.Core.TaskList;

/// <summary>How strictly a task list is checked when it is loaded.</summary>
public enum TaskListValidationMode
{
    /// <summary>Every problem is an error and a list with any error is refused (<see cref="TaskListException"/>). For linting planner output and CI.</summary>
    Strict,

    /// <summary>
    /// The runtime minimum (spec §15-A.3): a PR loads when its YAML parses and it has a unique
    /// <c>pr_id</c>, a valid <c>cold_state</c> and list-shaped <c>dependencies</c>. Other problems are
    /// warnings and the field falls back to its default; PRs that miss the minimum are left out and reported.
    /// </summary>
    Lenient,
}
