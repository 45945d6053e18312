using Lemegeton.Core.States;
using Lemegeton.Core.TaskList;
using static Lemegeton.Core.Tests.TaskList.TaskListSamples;

namespace Lemegeton.Core.Tests.TaskList;

/// <summary>Ports of the reference's parser.test.ts (spec §14) and the format quirks of spec §2 and §15-A.</summary>
public class TaskListParserTests
{
    [Fact]
    public void Parses_a_valid_task_list()
    {
        var doc = TaskListParser.Parse(Widget, "docs/task-list.md");

        Assert.True(doc.IsValid);
        Assert.Empty(doc.Diagnostics);
        Assert.Equal(["PR-001", "PR-002"], doc.Prs.Select(p => p.Id));
        var pr1 = doc.Prs[0];
        Assert.Equal("Create widget model", pr1.Title);
        Assert.Equal(ColdState.Ready, pr1.ColdState);
        Assert.Equal(Priority.High, pr1.Priority);
        Assert.Equal(new PrComplexity(3, 30, ModelTier.Haiku, "One small model file and its test"), pr1.Complexity);
        Assert.Empty(pr1.Dependencies);
        Assert.Equal([new PrFile("src/Widgets/Widget.cs", FileAction.Create, "widget entity"), new PrFile("tests/Widgets/WidgetTests.cs", FileAction.Create, "unit tests for the entity")], pr1.EstimatedFiles);
        var pr2 = doc.Prs[1];
        Assert.Equal(ColdState.Blocked, pr2.ColdState);
        Assert.Equal(["PR-001"], pr2.Dependencies);
        Assert.Contains("src/Widgets/Widget.cs", pr2.Files);
        Assert.Equal(LineOf(Widget, "### PR-002"), pr2.Heading.Line);
    }

    [Fact]
    public void Extracts_header_metadata()
    {
        var header = TaskListParser.Parse(Widget).Header;

        Assert.Equal("Task List for Widget Service", header.Title);
        Assert.Equal("Widget Service v0.1", header.GeneratedFor);
        Assert.Equal(9, header.EstimatedTotalComplexity);
        Assert.Equal(new RecommendedAgents(1, 1, 0), header.RecommendedAgents);
    }

    [Fact]
    public void Preserves_the_raw_content_and_bodies()
    {
        var doc = TaskListParser.Parse(Widget);

        Assert.Same(Widget, doc.Text);
        Assert.StartsWith("\n**Description:**\nAdd the Widget entity", doc.Prs[0].Body);
        Assert.EndsWith("None.\n\n", doc.Prs[0].Body);
        Assert.Equal(Widget, string.Concat(Widget.AsSpan(0, doc.Prs[0].Section.Start), Widget.AsSpan(doc.Prs[0].Section.Start, doc.Prs[0].Section.Length), Widget.AsSpan(doc.Prs[0].Section.End)));
        Assert.StartsWith("### PR-001", Widget[doc.Prs[0].Section.Start..]);
        Assert.StartsWith("pr_id: PR-001", Widget[doc.Prs[0].YamlBlock.Start..]);
        Assert.Equal("ready", Widget[doc.Prs[0].ColdStateValue.Start..doc.Prs[0].ColdStateValue.End]);
    }

    [Fact]
    public void Load_reads_a_file_and_names_it_in_diagnostics()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tl-{Guid.NewGuid():N}.md");
        File.WriteAllText(path, List(Pr("PR-001", state: "done")));
        try
        {
            var doc = TaskListDocument.Load(path, TaskListParseOptions.Lenient);
            Assert.StartsWith($"{path}:", doc.Diagnostics.Single().ToString());
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Load_of_a_missing_file_throws_a_task_list_exception_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}", "task-list.md");
        var e = Assert.Throws<TaskListException>(() => TaskListDocument.Load(path));
        Assert.Contains("cannot read the task list", e.Diagnostics.Single().Message);
        Assert.Equal(path, e.Path);
    }

    [Fact]
    public void Try_get_finds_prs_by_id()
    {
        var doc = TaskListParser.Parse(Widget);
        Assert.True(doc.TryGet("PR-002", out var pr));
        Assert.Equal("Widget repository", pr.Title);
        Assert.False(doc.TryGet("PR-999", out _));
    }

    [Fact]
    public void Horizontal_rules_between_blocks_and_in_bodies_are_not_yaml_delimiters()
    {
        var text = "# T\n\n**Generated for:** x\n\n---\n\n## Block 1\n\n---\n\n" + Pr("PR-001") + "Some text\n\n---\n\nMore body.\n\n---\n\n## Block 2\n\n" + Pr("PR-002", "[PR-001]");
        var doc = TaskListParser.Parse(text);
        Assert.Equal(["PR-001", "PR-002"], doc.Prs.Select(p => p.Id));
        Assert.Contains("More body.", doc.Prs[0].Body);
        Assert.DoesNotContain("## Block 2", doc.Prs[0].Body);
    }

    [Fact]
    public void A_stray_rule_pair_holding_only_a_comment_is_ignored()
    {
        var text = List(Pr("PR-001")) + "---\n# just a comment\n---\n\n" + Pr("PR-002", "[PR-001]");
        var doc = TaskListParser.Parse(text);
        Assert.Equal(2, doc.Prs.Count);
        Assert.Empty(doc.Diagnostics);
    }

    [Fact]
    public void A_comment_only_block_under_a_pr_heading_is_reported()
    {
        var text = List("### PR-001: Empty\n\n---\n# nothing here yet\n---\n\nBody\n", Pr("PR-002"));
        var doc = TaskListParser.Parse(text, "t.md", TaskListParseOptions.Lenient);
        Assert.Equal(["PR-002"], doc.Prs.Select(p => p.Id));
        var d = Assert.Single(doc.Diagnostics);
        Assert.Equal("PR-001", d.PrId);
        Assert.Contains("empty", d.Message);
        Assert.Equal(LineOf(text, "---\n# nothing"), d.Line);
    }

    [Fact]
    public void Crlf_line_endings_parse_the_same_with_correct_positions()
    {
        var crlf = Widget.Replace("\n", "\r\n");
        var doc = TaskListParser.Parse(crlf);
        var lf = TaskListParser.Parse(Widget);
        Assert.Equal(lf.Prs.Select(p => (p.Id, p.Title, p.ColdState, p.Complexity, string.Join(",", p.Dependencies))),
            doc.Prs.Select(p => (p.Id, p.Title, p.ColdState, p.Complexity, string.Join(",", p.Dependencies))));
        Assert.Equal(lf.Prs[1].Heading.Line, doc.Prs[1].Heading.Line);
        Assert.Equal(lf.Prs[1].IdPosition.Line, doc.Prs[1].IdPosition.Line);
        Assert.Equal("blocked", crlf[doc.Prs[1].ColdStateValue.Start..doc.Prs[1].ColdStateValue.End]);
        Assert.Equal("Widget Service v0.1", doc.Header.GeneratedFor);
    }

    [Fact]
    public void A_heading_inside_a_fenced_code_block_is_not_a_pr()
    {
        var text = List(Pr("PR-001", extra: "", heading: null) + "Example:\n\n```markdown\n### PR-099: Not real\n\n---\npr_id: PR-099\ncold_state: ready\n---\n```\n\n~~~\n### PR-098: Not real either\n~~~\n", Pr("PR-002"));
        var doc = TaskListParser.Parse(text);
        Assert.Equal(["PR-001", "PR-002"], doc.Prs.Select(p => p.Id));
        Assert.Contains("PR-099", doc.Prs[0].Body);
    }

    [Fact]
    public void Pr_ids_with_a_letter_suffix_and_pr_000_load()
    {
        var doc = TaskListParser.Parse(List(Pr("PR-000"), Pr("PR-003"), Pr("PR-003a", "[PR-003, PR-000]")));
        Assert.Equal(["PR-000", "PR-003", "PR-003a"], doc.Prs.Select(p => p.Id));
        Assert.Equal(["PR-003", "PR-000"], doc.Prs[2].Dependencies);
    }

    [Fact]
    public void Flow_and_block_dependency_lists_are_both_read()
    {
        var doc = TaskListParser.Parse(List(Pr("PR-001"), Pr("PR-002"), Pr("PR-003", "\n  - PR-001\n  - \"PR-002\"")));
        Assert.Equal(["PR-001", "PR-002"], doc.Prs[2].Dependencies);
        Assert.Equal(LineOf(doc.Text, "  - PR-001"), doc.Prs[2].DependencyPositions[0].Line);
        Assert.Equal(5, doc.Prs[2].DependencyPositions[0].Column);
    }

    [Fact]
    public void Hot_state_display_at_the_top_does_not_disturb_the_header_or_prs()
    {
        var text = """
            <!-- HOT STATE DISPLAY -->
            ## Active Work (Hot States)

            | PR | State | Agent | Since |
            |----|-------|-------|-------|
            | PR-001 | in-progress | agent-1 | 2026-01-01T00:00:00Z |
            <!-- END HOT STATE DISPLAY -->

            """ + Widget;
        var doc = TaskListParser.Parse(text);
        Assert.Equal(2, doc.Prs.Count);
        Assert.Equal("Widget Service v0.1", doc.Header.GeneratedFor);
        Assert.Equal("Task List for Widget Service", doc.Header.Title);
    }

    [Fact]
    public void Header_metadata_is_read_as_markdown_not_as_raw_lines()
    {
        var text = """
            ```text
            # Not the title: inside a fence
            **Generated for:** not this one
            ```

            # Task List for `Gadgets`

            Some intro mentioning Haiku agents: 99 in prose, which is not a list item.

            **Generated for:** [Gadget API](https://example.invalid) v2
            **Estimated Total Complexity:** **286** (see below)

            * Haiku agents: 3
            * Sonnet agents: 2 (for complexity 4-7)

            """ + Pr("PR-001");
        var header = TaskListParser.Parse(text).Header;
        Assert.Equal("Task List for Gadgets", header.Title);
        Assert.Equal("Gadget API v2", header.GeneratedFor);
        Assert.Equal(286, header.EstimatedTotalComplexity);
        Assert.Equal(new RecommendedAgents(3, 2, null), header.RecommendedAgents);
    }

    [Fact]
    public void Unknown_keys_are_kept_in_order()
    {
        var doc = TaskListParser.Parse(List(Pr("PR-001", extra: "notes: keep me\nlast_transition: 2026-01-01\nmeta:\n  owner: ann\n  tags: [a, b]\n")));
        var keys = doc.Prs[0].UnknownKeys;
        Assert.Equal(["notes", "last_transition", "meta"], keys.Select(k => k.Key));
        Assert.Equal("keep me", keys[0].Value);
        var meta = Assert.IsType<Dictionary<string, object?>>(keys[2].Value);
        Assert.Equal("ann", meta["owner"]);
        Assert.Equal(new List<object?> { "a", "b" }, meta["tags"]);
    }

    [Fact]
    public void A_bare_block_without_heading_as_written_by_add_pr_loads()
    {
        var text = List(Pr("PR-001")) + "\n---\npr_id: PR-002\ntitle: Appended\ncold_state: new\npriority: low\ncomplexity:\n  score: 1\n  estimated_minutes: 5\n  rationale: tiny\ndependencies: [PR-001]\n---\n";
        var doc = TaskListParser.Parse(text);
        Assert.Equal(["PR-001", "PR-002"], doc.Prs.Select(p => p.Id));
        Assert.Equal("Appended", doc.Prs[1].Title);
        Assert.Null(doc.Prs[1].HeadingTitle);
    }

    [Fact]
    public void The_bundled_example_task_list_is_valid()
    {
        var path = Path.Combine(RepoRoot(), "docs", "examples", "task-list.md");
        var doc = TaskListDocument.Load(path);
        Assert.True(doc.IsValid, string.Join("\n", doc.Diagnostics));
        Assert.True(doc.Prs.Count >= 3);
    }

    [Fact]
    public void Generated_lists_are_valid_deterministic_and_about_870_bytes_per_pr()
    {
        var a = new TaskListGenerator(7).Generate(500);
        Assert.Equal(a, new TaskListGenerator(7).Generate(500));
        Assert.NotEqual(a, new TaskListGenerator(8).Generate(500));
        var doc = TaskListParser.Parse(a);
        Assert.Equal(500, doc.Prs.Count);
        Assert.InRange(a.Length / 500, 780, 960);
        Assert.Contains(doc.Prs, p => p.Dependencies.Count > 1);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void Large_generated_lists_parse_in_parallel_to_the_same_result_as_sequentially()
    {
        var text = new TaskListGenerator(3).Generate(2000);
        var parallel = TaskListParser.Parse(text, options: new TaskListParseOptions { ParallelThreshold = 1 });
        var sequential = TaskListParser.Parse(text, options: new TaskListParseOptions { ParallelThreshold = int.MaxValue });
        Assert.Equal(sequential.Prs.Select(p => (p.Id, p.ColdState, p.Heading, p.Score)), parallel.Prs.Select(p => (p.Id, p.ColdState, p.Heading, p.Score)));
    }

    internal static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Lemegeton.sln"))) dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("repository root not found");
    }
}
