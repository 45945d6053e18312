using Lemegeton.Core.TaskList;
using static Lemegeton.Core.Tests.TaskList.TaskListSamples;

namespace Lemegeton.Core.Tests.TaskList;

public class PrBodyTests
{
    [Fact]
    public void Sections_are_read_from_bold_labels()
    {
        var pr = TaskListParser.Parse(Widget).Prs[0];
        var sections = pr.GetSections();
        Assert.Equal(["Description", "Acceptance Criteria", "Notes"], sections.Select(s => s.Label));
        Assert.Equal("Add the Widget entity with validation.", sections[0].Markdown);
        Assert.Equal("None.", sections[2].Markdown);
    }

    [Fact]
    public void Acceptance_criteria_are_read_with_their_checkboxes()
    {
        var body = "\n**Description:**\n- [ ] not a criterion\n\n**Acceptance Criteria:**\n- [x] Entity compiles\n- [ ] Tests **pass**\n- plain item\n\n**Notes:**\n- [ ] also not\n";
        var pr = TaskListParser.Parse(List(Pr("PR-001"))).Prs[0] with { Body = body };
        var criteria = pr.GetAcceptanceCriteria();
        Assert.Equal([new AcceptanceCriterion("Entity compiles", true, 6), new AcceptanceCriterion("Tests **pass**", false, 7)], criteria);
    }

    [Fact]
    public void A_body_without_criteria_has_none()
    {
        var pr = TaskListParser.Parse(List(Pr("PR-001"))).Prs[0];
        Assert.Empty(pr.GetAcceptanceCriteria());
        Assert.Empty(pr.GetSections());
    }
}
