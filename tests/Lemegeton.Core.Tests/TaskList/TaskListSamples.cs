namespace Lemegeton.Core.Tests.TaskList;

/// <summary>Task-list texts shared by the tests; <see cref="Widget"/> is the spec's §2.9 synthetic example.</summary>
internal static class TaskListSamples
{
    public const string Widget = """
        # Task List for Widget Service

        ## Orchestration Metadata
        **Generated for:** Widget Service v0.1
        **Estimated Total Complexity:** 9
        **Recommended Agent Configuration:**
        - Haiku agents: 1 (for complexity 1-3)
        - Sonnet agents: 1 (for complexity 4-7)
        - Opus agents: 0 (for complexity 8-10)

        ## Block 1: Foundation

        ### PR-001: Create widget model

        ---
        pr_id: PR-001
        title: Create widget model
        cold_state: ready
        priority: high
        complexity:
          score: 3
          estimated_minutes: 30
          suggested_model: haiku
          rationale: One small model file and its test
        dependencies: []
        estimated_files:
          - path: src/Widgets/Widget.cs
            action: create
            description: widget entity
          - path: tests/Widgets/WidgetTests.cs
            action: create
            description: unit tests for the entity
        ---

        **Description:**
        Add the Widget entity with validation.

        **Acceptance Criteria:**
        - [ ] Entity compiles
        - [ ] Tests pass

        **Notes:**
        None.

        ### PR-002: Widget repository

        ---
        pr_id: PR-002
        title: Widget repository
        cold_state: blocked
        priority: medium
        complexity:
          score: 6
          estimated_minutes: 60
          suggested_model: sonnet
          rationale: Persistence integration with transactions
        dependencies: [PR-001]
        estimated_files:
          - path: src/Widgets/WidgetRepository.cs
            action: create
            description: repository
          - path: src/Widgets/Widget.cs
            action: modify
            description: add persistence attributes
        ---

        **Description:**
        Persist widgets.

        **Acceptance Criteria:**
        - [ ] CRUD works

        """;

    /// <summary>A minimal valid PR section.</summary>
    public static string Pr(string id, string deps = "[]", string state = "ready", string extra = "", string? heading = null) => $"""
        ### {heading ?? id}: Title of {id}

        ---
        pr_id: {id}
        title: Title of {id}
        cold_state: {state}
        priority: medium
        complexity:
          score: 2
          estimated_minutes: 20
          suggested_model: haiku
          rationale: small
        dependencies: {deps}
        {extra}---

        Body of {id}.

        """;

    public static string List(params string[] prs) => "# Task List for Tests\n\n" + string.Concat(prs);

    /// <summary>The line (1-based) of the first line of <paramref name="text"/> that contains <paramref name="needle"/>.</summary>
    public static int LineOf(string text, string needle)
    {
        var at = text.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{needle}' not in text");
        return text.AsSpan(0, at).Count('\n') + 1;
    }
}
