using FsCheck;
using FsCheck.Fluent;
using Lemegeton.Core.TaskList;
using static Lemegeton.Core.Tests.TaskList.TaskListSamples;

namespace Lemegeton.Core.Tests.TaskList;

/// <summary>Incremental re-parse: only sections whose text changed are read again.</summary>
public class TaskListReparseTests
{
    private static readonly string Text = new TaskListGenerator(11).Generate(300);

    private static void AssertSameAsFullParse(TaskListDocument reparsed)
    {
        var full = TaskListParser.Parse(reparsed.Text, reparsed.Path, reparsed.Options);
        Assert.Equal(full.Prs.Select(Summary), reparsed.Prs.Select(Summary));
        Assert.Equal(full.Diagnostics, reparsed.Diagnostics);
        Assert.Equal(full.Header, reparsed.Header);
    }

    private static string Summary(PullRequest p) =>
        $"{p.Id}|{p.Title}|{p.ColdState}|{p.Priority}|{p.Complexity}|{string.Join(",", p.Dependencies)}|{string.Join(",", p.DependencyPositions)}|{p.Heading}|{p.Section}|{p.YamlBlock}|{p.IdPosition}|{p.ColdStateValue}|{p.Body.Length}|{p.EstimatedFiles.Count}";

    [Fact]
    public void Unchanged_sections_keep_their_instances_and_only_the_edited_one_is_new()
    {
        var doc = TaskListParser.Parse(Text);
        var target = doc.Prs[150];
        var edited = TaskListWriter.SetColdState(Text, doc, target.Id, target.ColdState == Lemegeton.Core.States.ColdState.Broken ? Lemegeton.Core.States.ColdState.New : Lemegeton.Core.States.ColdState.Broken);
        Assert.NotEqual(Text.Length, edited.Length);

        var re = TaskListParser.Reparse(doc, edited);

        for (var i = 0; i < 150; i++) Assert.Same(doc.Prs[i], re.Prs[i]);
        Assert.NotSame(target, re.Prs[150]);
        for (var i = 151; i < 300; i++)
        {
            // Moved: positions shift, parsed values are shared, not re-read.
            Assert.NotSame(doc.Prs[i], re.Prs[i]);
            Assert.Same(doc.Prs[i].Dependencies, re.Prs[i].Dependencies);
            Assert.Same(doc.Prs[i].EstimatedFiles, re.Prs[i].EstimatedFiles);
            Assert.Equal(doc.Prs[i].Body, re.Prs[i].Body);
        }
        AssertSameAsFullParse(re);
    }

    [Fact]
    public void Reparsing_unchanged_text_reuses_every_instance()
    {
        // The reference's parser.test.ts checks that a second parse within its cache TTL returns the same object;
        // here a re-parse of unchanged text returns the same PR instances.
        var doc = TaskListParser.Parse(Text);
        var again = TaskListParser.Reparse(doc, new string(Text.AsSpan()));
        Assert.Equal(doc.Prs.Count, again.Prs.Count);
        for (var i = 0; i < doc.Prs.Count; i++) Assert.Same(doc.Prs[i], again.Prs[i]);
        Assert.Equal(doc.Header, again.Header);
    }

    [Fact]
    public void An_edit_of_the_same_length_reuses_every_other_instance()
    {
        var doc = TaskListParser.Parse(Text);
        var at = doc.Prs[10].ColdStateValue.Start;
        var body = doc.Prs[200].Section.End - 3;
        var edited = Text[..body] + "Z" + Text[(body + 1)..];
        var re = TaskListParser.Reparse(doc, edited);
        for (var i = 0; i < 300; i++)
            if (i != 200) Assert.Same(doc.Prs[i], re.Prs[i]);
        Assert.NotSame(doc.Prs[200], re.Prs[200]);
        Assert.True(at > 0);
        AssertSameAsFullParse(re);
    }

    [Fact]
    public void A_new_unknown_dependency_in_a_block_that_does_not_load_is_reported_after_reparse()
    {
        var text = List(Pr("PR-001"), Pr("PR-002", "[PR-001]", state: "done"));
        var doc = TaskListParser.Parse(text, null, TaskListParseOptions.Lenient);
        var re = TaskListParser.Reparse(doc, text.Replace("dependencies: [PR-001]", "dependencies: [PR-404]"));
        Assert.Contains(re.Diagnostics, d => d.Message == "'PR-404' is not a PR in this task list");
    }

    [Fact]
    public void Structural_edits_give_the_same_result_as_a_full_parse()
    {
        var doc = TaskListParser.Parse(Text, "t.md", TaskListParseOptions.Lenient);
        var pr = doc.Prs[40];
        // Insert a new PR, break another's YAML, delete a third, open a code fence that swallows a heading.
        var edits = new Func<string, string>[]
        {
            t => t.Insert(pr.Section.Start, Pr("PR-9999", "[PR-001]")),
            t => t.Replace("pr_id: PR-050\n", "pr_id: PR-050\nbroken: [\n"),
            t => t.Remove(doc.Prs[60].Section.Start, doc.Prs[60].Section.Length),
            t => t.Insert(doc.Prs[70].Section.Start, "```\n"),
            t => t.Replace("\n", "\r\n"),
            t => t.Replace("pr_id: PR-080\n", "pr_id: PR-080\nbad: [\n"),
            t => "",
        };
        foreach (var edit in edits)
        {
            var re = TaskListParser.Reparse(doc, edit(Text));
            AssertSameAsFullParse(re);
            var again = TaskListParser.Reparse(re, Text);
            AssertSameAsFullParse(again);
        }
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void Property_random_single_edits_match_a_full_parse()
    {
        var small = new TaskListGenerator(5).Generate(25);
        var doc = TaskListParser.Parse(small, null, TaskListParseOptions.Lenient);
        Prop.ForAll(
            ArbMap.Default.ArbFor<(ushort, ushort, char)>(),
            t =>
            {
                var (posSeed, lenSeed, ch) = t;
                var pos = posSeed % small.Length;
                var len = Math.Min(lenSeed % 40, small.Length - pos);
                var insert = ch % 4 == 0 ? "\n---\n" : ch % 4 == 1 ? "\n### PR-5: x\n" : ch.ToString();
                var edited = small.Remove(pos, len).Insert(pos, insert);
                var re = TaskListParser.Reparse(doc, edited);
                var full = TaskListParser.Parse(edited, null, TaskListParseOptions.Lenient);
                return full.Prs.Select(Summary).SequenceEqual(re.Prs.Select(Summary)) && full.Diagnostics.SequenceEqual(re.Diagnostics);
            }).QuickCheckThrowOnFailure();
    }
}
