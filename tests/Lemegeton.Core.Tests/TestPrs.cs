using Lemegeton.Core.States;
using Lemegeton.Core.TaskList;

namespace Lemegeton.Core.Tests;

/// <summary>Builds task-list PRs for tests without the parser.</summary>
internal static class TestPrs
{
    public static PullRequest Pr(
        string id,
        ColdState state = ColdState.Ready,
        string[]? files = null,
        string[]? deps = null,
        Priority priority = Priority.Medium,
        int complexity = 3,
        string? title = null) => new()
    {
        Id = id,
        Title = title ?? $"Title of {id}",
        ColdState = state,
        Priority = priority,
        Complexity = new PrComplexity(complexity, complexity * 10, null, "test"),
        Dependencies = deps ?? [],
        EstimatedFiles = [.. (files ?? []).Select(f => new PrFile(f, FileAction.Modify, null))],
    };
}
