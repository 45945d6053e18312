using Lemegeton.Core.TaskList;
using static Lemegeton.Core.Tests.TaskList.TaskListSamples;

namespace Lemegeton.Core.Tests.TaskList;

/// <summary>A PR id is echoed to terminals, file names and graphs: control characters in it are refused by name.</summary>
public class TaskListControlCharacterTests
{
    [Theory]
    [InlineData("PR-\u001b[31m001", "U+001B")]  // ESC: an ANSI colour sequence
    [InlineData("PR-\u0007001", "U+0007")]      // BEL
    [InlineData("PR-\u009b001", "U+009B")]      // C1 CSI
    [InlineData("PR-\u202e001", "U+202E")]      // right-to-left override
    public void A_pr_id_with_a_raw_control_character_is_refused(string id, string named)
    {
        var text = List(Pr(id, heading: "PR-001"));

        var e = Assert.Throws<TaskListException>(() => TaskListParser.Parse(text, "t.md"));

        var d = Assert.Single(e.Diagnostics, x => x.IsError);
        Assert.Equal("pr_id", d.Field);
        Assert.Contains($"control character {named}", d.Message);
        Assert.Equal(LineOf(text, "pr_id:"), d.Line);
    }

    [Theory]
    [InlineData("\"PR-\\e001\"", "U+001B")]
    [InlineData("\"PR-\\n001\"", "U+000A")]
    [InlineData("\"PR-\\t001\"", "U+0009")]
    [InlineData("\"PR-\\x7f001\"", "U+007F")]
    public void A_pr_id_with_an_escaped_control_character_is_refused(string yaml, string named)
    {
        var text = List(Pr("PR-001").Replace("pr_id: PR-001", "pr_id: " + yaml, StringComparison.Ordinal));

        var doc = TaskListParser.Parse(text, "t.md", TaskListParseOptions.Lenient);

        Assert.Empty(doc.Prs);
        var d = Assert.Single(doc.Diagnostics, x => x.IsError);
        Assert.Equal("pr_id", d.Field);
        Assert.Contains($"control character {named}", d.Message);
    }

    [Fact]
    public void Printable_unicode_ids_still_load()
    {
        var doc = TaskListParser.Parse(List(Pr("PR-001-é-日本")), "t.md");

        Assert.Equal("PR-001-é-日本", Assert.Single(doc.Prs).Id);
    }
}
