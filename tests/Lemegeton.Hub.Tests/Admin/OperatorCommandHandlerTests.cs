using Lemegeton.Core.States;
using Lemegeton.Hub.Actors;
using Lemegeton.Hub.Actors.Operator;
using Lemegeton.Hub.Events;
using Lemegeton.Protocol.Coordination;
using Lemegeton.Protocol.Work;
using AgentTypes = Lemegeton.Core.Scheduling.AgentTypes;

namespace Lemegeton.Hub.Tests.Admin;

/// <summary>The rules of the operator's commands, on a coordinator state built from events.</summary>
public sealed class OperatorCommandHandlerTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Deps = new Dictionary<string, IReadOnlyList<string>>
    {
        ["PR-001"] = [], ["PR-002"] = [], ["PR-003"] = ["PR-001"],
    };

    private static CoordinatorState State()
    {
        var state = new CoordinatorState([KeyValuePair.Create("PR-001", ColdState.Ready), KeyValuePair.Create("PR-002", ColdState.Ready), KeyValuePair.Create("PR-003", ColdState.New)]);
        state.Apply(new AgentRegistered("session-1", "w1", AgentTypes.Worker, 1));
        state.Apply(new PrAssigned("PR-001", "session-1", "w1", 1, "in-progress", "implement"));
        state.Apply(new LeaseGranted("session-1", "PR-001", ["src/a.cs", "src/b.cs"], 1));
        return state;
    }

    private static PrStateContext Context(CoordinatorState s) => PrStateContext.From(Deps.Select(d => new PrStatus(d.Key, s.ColdStates[d.Key],
        s.Assignments.TryGetValue(d.Key, out var a) && StateNames.TryParseHot(a.HotState, out var h) ? h : null, d.Value)));

    private static (OperatorPlan Plan, CoordinatorState State) Run(IOperatorCommand command, CoordinatorState? state = null)
    {
        state ??= State();
        var plan = OperatorCommandHandler.Plan(command, state, Context(state));
        foreach (var e in plan.Events) state.Apply(e);
        return (plan, state);
    }

    [Fact]
    public void Pause_and_resume_are_events_and_repeating_them_changes_nothing()
    {
        var (paused, state) = Run(new PauseScheduling("me"));
        Assert.IsType<SchedulingPaused>(Assert.Single(paused.Events));
        Assert.True(state.Paused);
        Assert.True(state.ToSnapshot().Paused);
        Assert.Empty(Run(new PauseScheduling("me"), state).Plan.Events);
        Run(new ResumeScheduling("me"), state);
        Assert.False(state.Paused);
        Assert.Empty(Run(new ResumeScheduling("me"), state).Plan.Events);
    }

    [Fact]
    public void Requeue_revokes_the_pr_from_its_agent_and_releases_its_leases()
    {
        var (plan, state) = Run(new RequeuePr("PR-001", "me"));
        Assert.True(plan.Result.Ok);
        Assert.Equal(new PrRequeued("PR-001", "session-1", "w1", "me"), Assert.Single(plan.Events));
        var tell = Assert.IsType<ToAgent>(Assert.Single(plan.Messages));
        Assert.Equal(("session-1", "PR-001"), (tell.SessionId, Assert.IsType<RevokePr>(tell.Message).PrId));
        Assert.Empty(state.Assignments);
        Assert.Empty(state.Leases);
        Assert.Equal(ColdState.Ready, state.ColdStates["PR-001"]);

        var notRunning = Run(new RequeuePr("PR-002", "me")).Plan;
        Assert.False(notRunning.Result.Ok);
        Assert.False(notRunning.Result.NotFound);
        Assert.True(Run(new RequeuePr("PR-404", "me")).Plan.Result.NotFound);
    }

    [Fact]
    public void Force_release_takes_named_files_or_all_of_an_agents_and_a_snapshot_keeps_only_what_is_held()
    {
        var (plan, state) = Run(new ForceReleaseLeases(["./src/a.cs"], null, "me"));
        Assert.Equal(["src/a.cs"], Assert.IsType<LeasesForceReleased>(Assert.Single(plan.Events)).Files);
        Assert.Equal(["src/b.cs"], state.Leases.Keys);
        var restored = new CoordinatorState([]);
        restored.Apply(state.ToSnapshot());
        Assert.Equal(["src/b.cs"], restored.Leases.Keys);

        Assert.True(Run(new ForceReleaseLeases(["src/zzz.cs"], null, "me")).Plan.Result.NotFound);
        Assert.True(Run(new ForceReleaseLeases([], "nobody", "me")).Plan.Result.NotFound);
        var (all, after) = Run(new ForceReleaseLeases([], "w1", "me"));
        Assert.Equal(["src/a.cs", "src/b.cs"], Assert.IsType<LeasesForceReleased>(Assert.Single(all.Events)).Files);
        Assert.Empty(after.Leases);
        Assert.Single(after.Assignments); // the PR goes on; only its leases are gone
    }

    [Fact]
    public void Transition_is_checked_by_the_state_machine_and_revokes_a_running_pr()
    {
        var (plan, state) = Run(new TransitionPr("PR-002", "blocked", "API freeze", "me"));
        var e = Assert.IsType<PrTransitioned>(Assert.Single(plan.Events));
        Assert.Equal(("ready", "blocked", "API freeze (operator me)"), (e.From, e.To, e.Reason));
        Assert.Equal(ColdState.Blocked, state.ColdStates["PR-002"]);
        Assert.Empty(plan.Messages);

        // A running PR moved by hand: its agent is told, the assignment ends, the cascade follows (PR-003 waited for it).
        var (running, after) = Run(new TransitionPr("PR-001", "completed", "done by hand", "me"));
        Assert.True(running.Result.Ok, running.Result.Message);
        Assert.IsType<RevokePr>(Assert.IsType<ToAgent>(Assert.Single(running.Messages)).Message);
        Assert.Empty(after.Assignments);
        Assert.Equal(ColdState.Completed, after.ColdStates["PR-001"]);
        Assert.Equal(ColdState.Ready, after.ColdStates["PR-003"]);

        var refused = Run(new TransitionPr("PR-002", "approved", "skip QC", "me")).Plan;
        Assert.False(refused.Result.Ok);
        Assert.False(refused.Result.NotFound);

        var bad = Run(new TransitionPr("PR-002", "finished", "x", "me")).Plan;
        Assert.False(bad.Result.Ok);
        Assert.Contains("not a cold state", bad.Result.Message);
        Assert.True(Run(new TransitionPr("PR-404", "ready", "x", "me")).Plan.Result.NotFound);
    }

    [Fact]
    public void Kick_ends_the_session_hands_its_work_back_and_tells_the_agent_to_shut_down()
    {
        var (plan, state) = Run(new KickAgent("w1", "me"));
        Assert.Equal(new AgentKicked("session-1", "w1", "me"), Assert.Single(plan.Events));
        Assert.Contains("handed back: PR-001", plan.Result.Message);
        Assert.IsType<Shutdown>(Assert.IsType<ToAgent>(plan.Messages[0]).Message);
        Assert.Equal(new StopSession("session-1"), plan.Messages[1]);
        Assert.Empty(state.Agents);
        Assert.Empty(state.Assignments);
        Assert.Empty(state.Leases);
        Assert.True(Run(new KickAgent("nobody", "me")).Plan.Result.NotFound);
    }
}
