using Lemegeton.Core.States;

namespace Lemegeton.Core.Tests.States;

public sealed class ColdStateReconciliationTests
{
    private static Dictionary<string, ColdState> States(params (string Id, ColdState State)[] states) =>
        states.ToDictionary(s => s.Id, s => s.State, StringComparer.Ordinal);

    [Fact]
    public void Git_lagging_behind_uncommitted_transitions_is_not_a_conflict()
    {
        var journal = States(("PR-1", ColdState.Approved), ("PR-2", ColdState.Completed));
        var uncommitted = new List<UncommittedTransition>
        {
            new("PR-1", HotState.InProgress, ColdState.Completed),
            new("PR-1", HotState.UnderReview, ColdState.Approved),
            new("PR-2", ColdState.Ready, ColdState.Completed),
        };
        // PR-1's first commit landed before the crash, PR-2's did not.
        var git = States(("PR-1", ColdState.Completed), ("PR-2", ColdState.Ready));
        Assert.Empty(ColdStateReconciliation.Decide(journal, uncommitted, git));
    }

    [Fact]
    public void A_cold_state_in_git_the_journal_never_produced_wins()
    {
        var journal = States(("PR-1", ColdState.Completed), ("PR-2", ColdState.Ready), ("PR-3", ColdState.Ready));
        var uncommitted = new List<UncommittedTransition> { new("PR-1", HotState.InProgress, ColdState.Completed) };
        var git = States(("PR-1", ColdState.Broken), ("PR-2", ColdState.Blocked), ("PR-3", ColdState.Ready));
        var wins = ColdStateReconciliation.Decide(journal, uncommitted, git);
        Assert.Equal([new GitWins("PR-1", ColdState.Completed, ColdState.Broken), new GitWins("PR-2", ColdState.Ready, ColdState.Blocked)], wins);
    }

    [Fact]
    public void A_pr_git_does_not_know_is_left_to_the_task_list()
    {
        var journal = States(("PR-9", ColdState.Completed));
        Assert.Empty(ColdStateReconciliation.Decide(journal, [], States()));
    }
}
