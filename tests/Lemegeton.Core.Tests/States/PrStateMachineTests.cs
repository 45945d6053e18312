using Lemegeton.Core.States;
using static Lemegeton.Core.Tests.TestPrs;

namespace Lemegeton.Core.Tests.States;

public class PrStateMachineTests
{
    private static PrStateContext Context(params Lemegeton.Core.TaskList.PullRequest[] prs) => PrStateContext.From(prs);

    private static TransitionRequest Move(string id, ColdState cold, PrState to, HotState? hot = null,
        TransitionActor actor = TransitionActor.Agent, string? agentType = "worker", string? reason = null, bool force = false) =>
        new() { PrId = id, CurrentCold = cold, CurrentHot = hot, Target = to, Actor = actor, AgentType = agentType, Reason = reason, Override = force };

    [Fact]
    public void Cold_to_hot_succeeds_without_a_commit()
    {
        var result = PrStateMachine.Transition(Move("PR-001", ColdState.Ready, HotState.InProgress), Context(Pr("PR-001")));
        Assert.True(result.Success);
        Assert.False(result.NeedsCommit);
        Assert.Equal(PrState.Of(HotState.InProgress), result.NewState);
        Assert.Equal(14, result.Rule!.Number);
    }

    [Fact]
    public void Hot_to_cold_needs_a_commit_with_the_reference_message()
    {
        var result = PrStateMachine.Transition(
            Move("PR-005", ColdState.Ready, ColdState.Completed, hot: HotState.InProgress), Context(Pr("PR-005")));
        Assert.True(result.Success);
        Assert.True(result.NeedsCommit);
        Assert.Equal(PrState.Of(HotState.InProgress), result.From);
        Assert.Equal("PR-005: in-progress → completed\n\nImplementation completed\n\nReason: tests pass", result.CommitMessage("tests pass"));
    }

    [Fact]
    public void Cold_to_cold_needs_a_commit()
    {
        var result = PrStateMachine.Transition(Move("PR-002", ColdState.New, ColdState.Blocked), Context(Pr("PR-002", ColdState.New)));
        Assert.True(result.NeedsCommit);
        Assert.Equal("PR-002: new → blocked\n\nDependencies not met", result.CommitMessage());
    }

    [Fact]
    public void An_invalid_transition_fails_naming_the_allowed_targets()
    {
        var result = PrStateMachine.Transition(Move("PR-001", ColdState.Ready, ColdState.Completed), Context(Pr("PR-001")));
        Assert.False(result.Success);
        Assert.Equal(TransitionError.NotAllowed, result.ErrorKind);
        Assert.Equal(PrState.Of(ColdState.Ready), result.NewState);
        Assert.Empty(result.Cascade);
        Assert.Contains("ready (cold) → completed (cold) is not allowed", result.Error);
        Assert.Contains("Allowed from ready: blocked, investigating, in-progress.", result.Error);
    }

    [Fact]
    public void Same_state_is_an_idempotent_no_op()
    {
        var ctx = Context(Pr("PR-001", ColdState.Completed), Pr("PR-002", ColdState.New, deps: ["PR-001"]));
        var result = PrStateMachine.Transition(Move("PR-001", ColdState.Completed, ColdState.Completed), ctx);
        Assert.True(result.Success);
        Assert.False(result.NeedsCommit);
        Assert.Empty(result.Cascade);
        Assert.Null(result.CommitMessage());
    }

    [Fact]
    public void A_pr_not_in_the_task_list_is_refused()
    {
        var result = PrStateMachine.Transition(Move("PR-404", ColdState.Ready, HotState.InProgress), Context(Pr("PR-001")));
        Assert.Equal(TransitionError.UnknownPr, result.ErrorKind);
    }

    [Theory]
    [InlineData(ColdState.Completed, ColdState.Approved, null)]
    [InlineData(ColdState.Completed, ColdState.Broken, null)]
    [InlineData(ColdState.Approved, ColdState.Broken, null)]
    [InlineData(ColdState.Completed, ColdState.Approved, HotState.UnderReview)]
    [InlineData(ColdState.Completed, ColdState.Broken, HotState.UnderReview)]
    public void Only_qc_may_approve_or_break(ColdState cold, ColdState target, HotState? hot)
    {
        var ctx = Context(Pr("PR-001", cold));
        var worker = PrStateMachine.Transition(Move("PR-001", cold, target, hot), ctx);
        Assert.False(worker.Success);
        Assert.Equal(TransitionError.RequiresQc, worker.ErrorKind);

        Assert.False(PrStateMachine.Transition(Move("PR-001", cold, target, hot, actor: TransitionActor.Hub), ctx).Success);
        Assert.True(PrStateMachine.Transition(Move("PR-001", cold, target, hot, actor: TransitionActor.QC), ctx).Success);
        Assert.True(PrStateMachine.Transition(Move("PR-001", cold, target, hot, agentType: "qc"), ctx).Success);
    }

    [Fact]
    public void An_operator_needs_both_an_override_and_a_reason_to_judge()
    {
        var ctx = Context(Pr("PR-001", ColdState.Completed));
        Assert.False(PrStateMachine.Transition(Move("PR-001", ColdState.Completed, ColdState.Approved, actor: TransitionActor.Operator), ctx).Success);
        Assert.False(PrStateMachine.Transition(Move("PR-001", ColdState.Completed, ColdState.Approved, actor: TransitionActor.Operator, force: true), ctx).Success);
        Assert.False(PrStateMachine.Transition(Move("PR-001", ColdState.Completed, ColdState.Approved, actor: TransitionActor.Operator, reason: "ok"), ctx).Success);
        Assert.True(PrStateMachine.Transition(Move("PR-001", ColdState.Completed, ColdState.Approved, actor: TransitionActor.Operator, reason: "QC box down, reviewed by hand", force: true), ctx).Success);
    }

    [Fact]
    public void Ready_requires_every_dependency_completed_or_approved()
    {
        var ctx = Context(
            Pr("PR-001", ColdState.Completed), Pr("PR-002", ColdState.Ready),
            Pr("PR-003", ColdState.Blocked, deps: ["PR-001", "PR-002", "PR-009"]));
        var result = PrStateMachine.Transition(Move("PR-003", ColdState.Blocked, ColdState.Ready), ctx);
        Assert.Equal(TransitionError.DependenciesNotDone, result.ErrorKind);
        Assert.Contains("waiting for PR-002 (ready), PR-009 (not in the task list)", result.Error);

        var done = Context(Pr("PR-001", ColdState.Completed), Pr("PR-002", ColdState.Approved), Pr("PR-003", ColdState.New, deps: ["PR-001", "PR-002"]));
        Assert.True(PrStateMachine.Transition(Move("PR-003", ColdState.New, ColdState.Ready), done).Success);
    }

    [Fact]
    public void Completing_a_pr_readies_dependents_whose_dependencies_are_now_all_done()
    {
        var ctx = Context(
            Pr("PR-001", ColdState.Ready), Pr("PR-002", ColdState.Approved),
            Pr("PR-003", ColdState.Blocked, deps: ["PR-001", "PR-002"]),
            Pr("PR-004", ColdState.New, deps: ["PR-001"]),
            Pr("PR-005", ColdState.Blocked, deps: ["PR-001", "PR-006"]), Pr("PR-006", ColdState.Ready),
            Pr("PR-007", ColdState.Blocked, deps: ["PR-001"]));
        var hot = PrStateContext.From(ctx.Prs.Select(p => p.Id == "PR-007" ? p with { Hot = HotState.Investigating } : p));

        var result = PrStateMachine.Transition(Move("PR-001", ColdState.Ready, ColdState.Completed, hot: HotState.InProgress), hot);

        Assert.True(result.Success);
        Assert.Equal(["PR-001: in-progress → completed (Implementation completed)",
                      "PR-003: blocked → ready (all dependencies done (PR-001 completed))",
                      "PR-004: new → ready (all dependencies done (PR-001 completed))"],
            result.Cascade.Select(c => c.ToString()));
        Assert.All(result.Cascade, c => Assert.True(c.NeedsCommit));
    }

    [Fact]
    public void Breaking_a_pr_blocks_its_ready_and_planned_dependents_transitively()
    {
        var ctx = Context(
            Pr("PR-001", ColdState.Approved),
            Pr("PR-002", ColdState.Ready, deps: ["PR-001"]),
            Pr("PR-003", ColdState.Planned, deps: ["PR-001"]),
            Pr("PR-004", ColdState.Completed, deps: ["PR-001"]),
            Pr("PR-005", ColdState.New, deps: ["PR-001"]),
            Pr("PR-006", ColdState.Ready, deps: ["PR-004"]));

        var result = PrStateMachine.Transition(
            Move("PR-001", ColdState.Approved, ColdState.Broken, actor: TransitionActor.QC, reason: "regression in login"), ctx);

        Assert.Equal(["PR-001: approved → broken (regression in login)",
                      "PR-002: ready → blocked (dependency PR-001 is broken)",
                      "PR-003: planned → blocked (dependency PR-001 is broken)"],
            result.Cascade.Select(c => c.ToString()));
    }

    [Fact]
    public void Validation_helpers_report_targets_and_commit_need()
    {
        Assert.Equal(["blocked", "investigating", "in-progress"], TransitionTable.AllowedTargets(ColdState.Ready).Select(s => s.ToString()));
        Assert.Equal(["approved", "broken", "under-review"], TransitionTable.AllowedTargets(ColdState.Completed).Select(s => s.ToString()));
        Assert.True(TransitionTable.NeedsCommit(ColdState.Approved, ColdState.Broken));
        Assert.False(TransitionTable.NeedsCommit(ColdState.Completed, HotState.UnderReview));
    }
}
