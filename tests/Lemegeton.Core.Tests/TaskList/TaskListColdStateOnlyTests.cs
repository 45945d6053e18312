using Lemegeton.Core.States;
using Lemegeton.Core.TaskList;

namespace Lemegeton.Core.Tests.TaskList;

/// <summary><see cref="TaskListDocument.DiffersOnlyInColdStates"/>: what tells the hub's own cold_state writes from a real edit.</summary>
public class TaskListColdStateOnlyTests
{
    private static readonly string Text = new TaskListGenerator(5).Generate(40);

    private static string SetColdStates(string text, params (int Index, ColdState State)[] changes)
    {
        foreach (var (index, state) in changes)
        {
            var doc = TaskListParser.Parse(text);
            text = TaskListWriter.SetColdState(text, doc, doc.Prs[index].Id, state);
        }
        return text;
    }

    [Fact]
    public void Cold_state_values_rewritten_in_several_prs_count_as_cold_states_only_even_with_other_lengths()
    {
        var doc = TaskListParser.Parse(Text);
        var edited = SetColdStates(Text, (3, ColdState.Completed), (17, ColdState.Broken), (39, ColdState.Ready));
        Assert.NotEqual(Text, edited);

        Assert.True(TaskListParser.Reparse(doc, edited).DiffersOnlyInColdStates(doc));
        Assert.True(doc.DiffersOnlyInColdStates(TaskListParser.Parse(edited)));
        Assert.True(doc.DiffersOnlyInColdStates(doc));
    }

    [Theory]
    [InlineData("title")]
    [InlineData("body")]
    [InlineData("pr removed")]
    [InlineData("header")]
    public void Any_other_change_with_or_without_a_cold_state_change_is_a_real_edit(string what)
    {
        var doc = TaskListParser.Parse(Text);
        var pr = doc.Prs[10];
        var text = SetColdStates(Text, (10, ColdState.Completed));
        text = what switch
        {
            "title" => text.Replace($"title: {pr.Title}", $"title: {pr.Title} (renamed)", StringComparison.Ordinal),
            "body" => text.Insert(pr.Section.End - 1, "\nOne more line of body.\n"),
            "pr removed" => text.Remove(doc.Prs[^1].Section.Start, doc.Prs[^1].Section.Length),
            _ => "<!-- a note -->\n" + text,
        };
        var edited = TaskListParser.Parse(text);
        Assert.True(edited.IsValid, string.Join("\n", edited.Diagnostics));

        Assert.False(edited.DiffersOnlyInColdStates(doc));
        Assert.False(doc.DiffersOnlyInColdStates(edited));
    }
}
