using Lemegeton.Core.States;

namespace Lemegeton.Core.Tests.States;

public class TransitionTableTests
{
    public static TheoryData<string, string> AllowedMoves => new()
    {
        // cold → cold
        { "new", "ready" }, { "new", "blocked" }, { "blocked", "ready" }, { "ready", "blocked" }, { "planned", "blocked" },
        { "completed", "approved" }, { "completed", "broken" }, { "approved", "broken" }, { "broken", "planned" },
        // hot → hot
        { "investigating", "planning" }, { "planning", "in-progress" }, { "in-progress", "under-review" },
        // cold → hot
        { "ready", "investigating" }, { "ready", "in-progress" }, { "planned", "in-progress" }, { "planned", "investigating" },
        { "completed", "under-review" }, { "broken", "investigating" },
        // hot → cold
        { "investigating", "planned" }, { "planning", "planned" }, { "in-progress", "completed" },
        { "under-review", "approved" }, { "under-review", "broken" },
    };

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void Each_of_the_23_rules_is_allowed_and_commits_exactly_when_it_ends_in_a_different_cold_state(string from, string to)
    {
        var (f, t) = (Parse(from), Parse(to));
        var rule = TransitionTable.Find(f, t);
        Assert.NotNull(rule);
        Assert.True(TransitionTable.IsAllowed(f, t));
        Assert.Equal(t.IsCold, rule.NeedsCommit);
        Assert.Equal(t.IsCold, TransitionTable.NeedsCommit(f, t));
    }

    [Fact]
    public void The_table_has_exactly_23_rules_and_nothing_else_is_allowed()
    {
        Assert.Equal(23, TransitionTable.Rules.Count);
        Assert.Equal(Enumerable.Range(1, 23), TransitionTable.Rules.Select(r => r.Number));
        var expected = AllowedMoves.Select(row => (Parse((string)row[0]), Parse((string)row[1]))).ToHashSet();
        foreach (var from in PrState.All)
            foreach (var to in PrState.All)
                Assert.Equal(from == to || expected.Contains((from, to)), TransitionTable.IsAllowed(from, to));
    }

    [Theory]
    [InlineData("new", "ready,blocked")]
    [InlineData("ready", "blocked,investigating,in-progress")]
    [InlineData("blocked", "ready")]
    [InlineData("planned", "blocked,in-progress,investigating")]
    [InlineData("completed", "approved,broken,under-review")]
    [InlineData("approved", "broken")]
    [InlineData("broken", "planned,investigating")]
    [InlineData("investigating", "planning,planned")]
    [InlineData("planning", "in-progress,planned")]
    [InlineData("in-progress", "under-review,completed")]
    [InlineData("under-review", "approved,broken")]
    public void Reachable_successors_match_the_spec(string from, string targets)
    {
        var actual = TransitionTable.AllowedTargets(Parse(from)).Select(s => s.ToString()).Order();
        Assert.Equal(targets.Split(',').Order(), actual);
    }

    [Theory]
    [InlineData("in-progress", "ready")]     // backwards: no way back from hot to the previous cold state
    [InlineData("approved", "completed")]   // backwards
    [InlineData("new", "in-progress")]      // skipping states
    [InlineData("new", "completed")]        // skipping states
    [InlineData("ready", "planned")]        // absent on purpose, although a prompt describes it
    [InlineData("approved", "ready")]       // nothing leaves approved but broken
    [InlineData("blocked", "completed")]    // illogical
    public void Backwards_skipping_and_illogical_moves_are_rejected(string from, string to) =>
        Assert.False(TransitionTable.IsAllowed(Parse(from), Parse(to)));

    [Fact]
    public void Same_state_moves_are_allowed_and_never_commit()
    {
        foreach (var s in PrState.All)
        {
            Assert.True(TransitionTable.IsAllowed(s, s));
            Assert.False(TransitionTable.NeedsCommit(s, s));
            Assert.Null(TransitionTable.Find(s, s));
        }
    }

    [Fact]
    public void Hot_and_cold_guards_classify_every_state_and_reject_unknown_names()
    {
        foreach (var name in StateNames.HotNames) { Assert.True(PrState.TryParse(name, out var s)); Assert.True(s.IsHot); Assert.False(s.IsCold); }
        foreach (var name in StateNames.ColdNames) { Assert.True(PrState.TryParse(name, out var s)); Assert.True(s.IsCold); Assert.False(s.IsHot); }
        Assert.False(PrState.TryParse("done", out _));
    }

    internal static PrState Parse(string name) => PrState.TryParse(name, out var s) ? s : throw new ArgumentException(name);
}
