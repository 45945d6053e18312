using Lemegeton.Core.States;
using Lemegeton.Core.TaskList;
using static Lemegeton.Core.Tests.TaskList.TaskListSamples;

namespace Lemegeton.Core.Tests.TaskList;

/// <summary>Validation (spec §2.6, §15-A): every problem is collected, located, and strict or lenient decides what loads.</summary>
public class TaskListValidationTests
{
    private static TaskListDocument Lenient(string text) => TaskListParser.Parse(text, "docs/task-list.md", TaskListParseOptions.Lenient);

    private static TaskListException Strict(string text) =>
        Assert.Throws<TaskListException>(() => TaskListParser.Parse(text, "docs/task-list.md"));

    [Fact]
    public void Validates_a_complete_pr()
    {
        var doc = TaskListParser.Parse(List(Pr("PR-001"), Pr("PR-002", "[PR-001]")));
        Assert.True(doc.IsValid);
        Assert.Empty(doc.Diagnostics);
    }

    [Fact]
    public void Reports_every_missing_required_field()
    {
        var text = List("### PR-001: Bare\n\n---\npr_id: PR-001\ncold_state: ready\n---\n");
        var e = Strict(text);
        Assert.Equal(["complexity", "dependencies", "priority", "title"], e.Diagnostics.Select(d => d.Field).Order());
        Assert.All(e.Diagnostics, d => Assert.Equal("missing required key", d.Message));
        Assert.All(e.Diagnostics, d => Assert.NotNull(d.Hint));
    }

    [Fact]
    public void Lenient_mode_loads_the_runtime_minimum_with_defaults_and_warnings()
    {
        // The sync tests of the reference use blocks with only these three keys (spec §15-A.3).
        var doc = Lenient(List("### PR-001: From heading\n\n---\npr_id: PR-001\ncold_state: ready\ndependencies: []\n---\n"));
        var pr = Assert.Single(doc.Prs);
        Assert.Equal("From heading", pr.Title);
        Assert.Equal(Priority.Medium, pr.Priority);
        Assert.Equal(1, pr.Score);
        Assert.True(doc.IsValid);
        Assert.All(doc.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Contains(doc.Diagnostics, d => d.ToString().Contains("warning: PR-001: title: missing required key"));
    }

    [Fact]
    public void Rejects_an_invalid_cold_state_with_the_allowed_values()
    {
        var text = List(Pr("PR-001", state: "done"));
        var d = Assert.Single(Strict(text).Diagnostics);
        Assert.Equal($"docs/task-list.md:{LineOf(text, "cold_state: done")}:13: PR-001: cold_state: 'done' is not a cold state (hint: use one of: new, ready, blocked, planned, completed, approved, broken)", d.ToString());
    }

    [Fact]
    public void A_hot_state_written_as_cold_state_gets_a_specific_hint()
    {
        var d = Assert.Single(Strict(List(Pr("PR-001", state: "in-progress"))).Diagnostics);
        Assert.Contains("hot state", d.Hint);
    }

    [Theory]
    [InlineData("score: 0", "complexity.score", "must be between 1 and 10, got 0")]
    [InlineData("score: 11", "complexity.score", "must be between 1 and 10, got 11")]
    [InlineData("estimated_minutes: 601", "complexity.estimated_minutes", "must be between 1 and 600, got 601")]
    [InlineData("estimated_minutes: 0", "complexity.estimated_minutes", "must be between 1 and 600, got 0")]
    [InlineData("estimated_minutes: 70 (note)", "complexity.estimated_minutes", "must be a whole number, got '70 (note)'")]
    [InlineData("score: high", "complexity.score", "must be a whole number, got 'high'")]
    [InlineData("suggested_model: gpt", "complexity.suggested_model", "'gpt' is not a model")]
    public void Rejects_out_of_range_and_non_numeric_complexity(string replacement, string field, string message)
    {
        var key = replacement[..replacement.IndexOf(':')];
        var original = key switch { "score" => "score: 2", "estimated_minutes" => "estimated_minutes: 20", _ => "suggested_model: haiku" };
        var text = List(Pr("PR-001")).Replace(original, replacement);
        var d = Assert.Single(Strict(text).Diagnostics);
        Assert.Equal(field, d.Field);
        Assert.Equal(message, d.Message);
        Assert.Equal(LineOf(text, replacement), d.Line);
    }

    [Fact]
    public void Invalid_yaml_is_reported_with_its_line_and_the_block_skipped_in_lenient_mode()
    {
        // The real file had `estimated_minutes: 70 (…)` with a colon inside: invalid YAML (spec §15-A.2).
        var text = List(Pr("PR-001"), Pr("PR-002").Replace("estimated_minutes: 20", "estimated_minutes: 70 (includes review: 10)"), Pr("PR-003", "[PR-002]"));
        var doc = Lenient(text);
        Assert.Equal(["PR-001", "PR-003"], doc.Prs.Select(p => p.Id));
        var d = Assert.Single(doc.Diagnostics, x => x.IsError);
        Assert.Equal("PR-002", d.PrId);
        Assert.Equal("yaml", d.Field);
        Assert.StartsWith("invalid YAML", d.Message);
        Assert.Equal(LineOf(text, "estimated_minutes: 70"), d.Line);
        Assert.Contains("quoted", d.Hint);
        // PR-003 depends on a PR that is in the file but did not load: that is not a second error.
        Assert.DoesNotContain(doc.Diagnostics, x => x.PrId == "PR-003");
    }

    [Fact]
    public void Duplicate_ids_are_reported_at_the_second_definition()
    {
        var text = List(Pr("PR-001"), Pr("PR-001"));
        var doc = Lenient(text);
        Assert.Single(doc.Prs);
        var d = Assert.Single(doc.Diagnostics);
        Assert.Contains("duplicate PR id; first defined at line 6", d.Message);
        Assert.True(d.Line > 6);
        Strict(text);
    }

    [Fact]
    public void Dependencies_on_unknown_ids_are_reported_at_the_item()
    {
        var text = List(Pr("PR-001", "[PR-000, PR-404]"), Pr("PR-000"));
        var d = Assert.Single(Strict(text).Diagnostics);
        Assert.Equal("'PR-404' is not a PR in this task list", d.Message);
        Assert.Equal(LineOf(text, "PR-404"), d.Line);
        Assert.Equal(LineOf(text, "PR-404") > 0 ? text.Split('\n')[d.Line - 1].IndexOf("PR-404", StringComparison.Ordinal) + 1 : 0, d.Column);
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(Lenient(text).Diagnostics).Severity);
    }

    [Fact]
    public void A_pr_that_does_not_load_still_has_its_dependencies_checked()
    {
        var text = List(Pr("PR-001", "[PR-404]", state: "done"));
        var e = Strict(text);
        Assert.Equal(["cold_state", "dependencies"], e.Diagnostics.Select(d => d.Field));
        Assert.Equal(LineOf(text, "PR-404"), e.Diagnostics[1].Line);
    }

    [Fact]
    public void Dependency_cycles_are_printed()
    {
        var text = List(Pr("PR-001"), Pr("PR-004", "[PR-001, PR-007]"), Pr("PR-007", "[PR-004]"), Pr("PR-009", "[PR-009]"));
        var e = Strict(text);
        Assert.Equal(2, e.Diagnostics.Count);
        Assert.Contains(e.Diagnostics, d => d.Message == "dependency cycle: PR-004 → PR-007 → PR-004");
        Assert.Contains(e.Diagnostics, d => d.Message == "dependency cycle: PR-009 → PR-009");
        // Lenient: the PRs still load (they never become ready); the list is invalid.
        var doc = Lenient(text);
        Assert.Equal(4, doc.Prs.Count);
        Assert.False(doc.IsValid);
    }

    [Fact]
    public void A_cycle_through_a_pr_that_does_not_load_is_still_reported_in_the_same_run()
    {
        var text = List(Pr("PR-004", "[PR-007]", state: "done"), Pr("PR-007", "[PR-004]"));
        var e = Strict(text);
        Assert.Equal(["cold_state", "dependencies"], e.Diagnostics.Select(d => d.Field));
        Assert.Equal("dependency cycle: PR-004 → PR-007 → PR-004", e.Diagnostics[1].Message);
        Assert.Equal(LineOf(text, "dependencies: [PR-004]"), e.Diagnostics[1].Line); // the edge that closes the cycle
    }

    [Fact]
    public void Bad_file_entries_are_reported_and_kept_conservatively_in_lenient_mode()
    {
        var files = "estimated_files:\n  - path: src/a.cs\n    action: rename\n    description: d\n  - path: /etc/passwd\n    action: modify\n    description: d\n  - path: src/../../x.cs\n    action: create\n    description: d\n  - path: src/b.cs\n    action: delete\n";
        var text = List(Pr("PR-001", extra: files));
        var e = Strict(text);
        Assert.Equal(["estimated_files[0].action", "estimated_files[1].path", "estimated_files[2].path", "estimated_files[3].description"], e.Diagnostics.Select(d => d.Field));
        Assert.Equal("'rename' is not a file action", e.Diagnostics[0].Message);
        Assert.Contains("absolute", e.Diagnostics[1].Message);
        Assert.Contains("..", e.Diagnostics[2].Message);
        var pr = Lenient(text).Prs.Single();
        Assert.Equal([new PrFile("src/a.cs", FileAction.Modify, "d"), new PrFile("src/b.cs", FileAction.Delete, null)], pr.EstimatedFiles);
    }

    [Fact]
    public void Actual_files_do_not_need_a_description_and_keep_line_counts()
    {
        var doc = TaskListParser.Parse(List(Pr("PR-001", extra: "actual_files:\n  - path: src/a.cs\n    action: create\n    lines_added: 40\n    lines_removed: 2\n")));
        Assert.Equal(new PrFile("src/a.cs", FileAction.Create, null, 40, 2), doc.Prs[0].ActualFiles.Single());
    }

    [Fact]
    public void All_errors_are_collected_not_just_the_first()
    {
        var text = List(Pr("PR-001", state: "bogus").Replace("score: 2", "score: 99"), Pr("PR-002", "[PR-404]").Replace("priority: medium", "priority: urgent"));
        var e = Strict(text);
        Assert.Equal(["cold_state", "complexity.score", "priority", "dependencies"], e.Diagnostics.Select(d => d.Field));
        Assert.Contains("4 errors", e.Message);
    }

    [Fact]
    public void Unclosed_block_and_heading_without_block_are_reported()
    {
        var text = List("### PR-001: No block\n\nJust prose.\n\n", "### PR-002: Unclosed\n\n---\npr_id: PR-002\ncold_state: ready\n\n", Pr("PR-003"));
        var doc = Lenient(text);
        Assert.Equal(["PR-003"], doc.Prs.Select(p => p.Id));
        Assert.Equal(["PR-001", "PR-002"], doc.Diagnostics.Select(d => d.PrId));
        Assert.Contains("no YAML block", doc.Diagnostics[0].Message);
        Assert.Contains("never closed", doc.Diagnostics[1].Message);
    }

    [Fact]
    public void Empty_text_has_no_prs()
    {
        Assert.Contains("no PRs found", Strict("# Nothing\n").Diagnostics.Single().Message);
        Assert.True(Lenient("").IsValid);
    }

    [Fact]
    public void Heading_and_pr_id_disagreeing_is_reported()
    {
        var d = Assert.Single(Strict(List(Pr("PR-002", heading: "PR-001"))).Diagnostics);
        Assert.Contains("differs from the heading", d.Message);
    }
}
