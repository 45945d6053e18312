using FsCheck;
using FsCheck.Fluent;
using Lemegeton.Core.States;
using Lemegeton.Core.TaskList;
using static Lemegeton.Core.Tests.TaskList.TaskListSamples;

namespace Lemegeton.Core.Tests.TaskList;

public class TaskListWriterTests
{
    [Fact]
    public void Changes_only_the_cold_state_value()
    {
        var doc = TaskListParser.Parse(Widget);
        var text = TaskListWriter.SetColdState(Widget, doc, "PR-002", ColdState.Ready);
        Assert.Equal(Widget.Replace("cold_state: blocked", "cold_state: ready"), text);
    }

    [Fact]
    public void Keeps_quotes_comments_flow_lists_and_crlf()
    {
        var original = List(Pr("PR-001", state: "\"new\"  # planner default").Replace("\n", "\r\n"), Pr("PR-002", "[PR-001]", state: "'ready'").Replace("\n", "\r\n"));
        var doc = TaskListParser.Parse(original);
        var text = TaskListWriter.SetColdState(original, doc, "PR-001", ColdState.Completed);
        text = TaskListWriter.SetColdState(text, TaskListParser.Parse(text), "PR-002", ColdState.Planned);
        Assert.Equal(original.Replace("\"new\"", "\"completed\"").Replace("'ready'", "'planned'"), text);
    }

    [Fact]
    public void Writing_the_same_state_returns_identical_text()
    {
        var doc = TaskListParser.Parse(Widget);
        Assert.Same(Widget, TaskListWriter.SetColdState(Widget, doc, "PR-001", ColdState.Ready));
    }

    [Fact]
    public void Unknown_pr_and_stale_text_are_refused()
    {
        var doc = TaskListParser.Parse(Widget);
        Assert.Throws<KeyNotFoundException>(() => TaskListWriter.SetColdState(Widget, doc, "PR-404", ColdState.Ready));
        var stale = Widget.Replace("title: Widget repository", "title: Widget repo");
        Assert.Throws<InvalidOperationException>(() => TaskListWriter.SetColdState(stale, doc, "PR-002", ColdState.Ready));
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void Property_a_state_change_differs_only_in_that_field_and_no_change_is_byte_identical()
    {
        var text = new TaskListGenerator(21).Generate(40);
        var doc = TaskListParser.Parse(text);
        Prop.ForAll(
            ArbMap.Default.ArbFor<(byte, byte)>(),
            t =>
            {
                var pr = doc.Prs[t.Item1 % doc.Prs.Count];
                var state = (ColdState)(t.Item2 % Enum.GetValues<ColdState>().Length);
                var written = TaskListWriter.SetColdState(text, doc, pr.Id, state);
                var after = TaskListParser.Parse(written);
                var changedOk = after.Prs.Zip(doc.Prs).All(p =>
                    p.First.Id == p.Second.Id && p.First.Title == p.Second.Title && p.First.Priority == p.Second.Priority
                    && p.First.Complexity == p.Second.Complexity && p.First.Dependencies.SequenceEqual(p.Second.Dependencies)
                    && p.First.EstimatedFiles.SequenceEqual(p.Second.EstimatedFiles) && p.First.Body == p.Second.Body
                    && p.First.ColdState == (p.First.Id == pr.Id ? state : p.Second.ColdState));
                var back = TaskListWriter.SetColdState(written, after, pr.Id, pr.ColdState);
                return changedOk && after.Prs.Count == doc.Prs.Count && back == text
                    && TaskListWriter.SetColdState(written, after, pr.Id, state) == written;
            }).QuickCheckThrowOnFailure();
    }
}
