using Lemegeton.Core.Scheduling;
using Lemegeton.Core.States;
using Lemegeton.Core.TaskList;
using static Lemegeton.Core.Tests.TestPrs;

namespace Lemegeton.Core.Tests.Scheduling;

public class WhyNotRunningTests
{
    private static PrExplanation Explain(IEnumerable<PullRequest> prs, SchedulingSnapshot snapshot, string id, bool paused = false, SchedulerOptions? options = null) =>
        WhyNotRunning.Explain(new PrScheduler(SchedulingIndex.Build(prs), options), snapshot, id, paused)!;

    private static SchedulingAgent Worker(string id, int load = 0) => new(id, AgentTypes.Worker, load, 1);

    [Fact]
    public void Unknown_pr_has_no_explanation()
    {
        Assert.Null(WhyNotRunning.Explain(new PrScheduler(SchedulingIndex.Build([Pr("PR-001")])), new SchedulingSnapshot(), "PR-999", paused: false));
    }

    [Fact]
    public void Names_every_unmet_dependency_with_its_state_and_who_works_on_it()
    {
        var prs = new[] { Pr("PR-001"), Pr("PR-002", ColdState.Completed), Pr("PR-003", ColdState.Blocked), Pr("PR-004", ColdState.New, deps: ["PR-001", "PR-002", "PR-003"]) };
        var why = Explain(prs, new SchedulingSnapshot
        {
            Agents = [Worker("w1", load: 1)],
            Running = [new RunningPr("PR-001", HotState.InProgress, "w1")],
        }, "PR-004");
        var deps = why.Reasons.Where(r => r.Code == "dependency-pending").ToList();
        Assert.Equal(["PR-001", "PR-003"], deps.Select(d => d.PrId));
        Assert.Equal("waiting for dependency PR-001 (in-progress, w1 is on it); it must be completed first", deps[0].Text);
        Assert.Equal("blocked", deps[1].State);
        Assert.False(why.Running);
    }

    [Fact]
    public void Names_every_conflicting_pr_and_lease_with_the_files()
    {
        var prs = new[]
        {
            Pr("PR-001", files: ["src/a.cs"]),
            Pr("PR-002", files: ["src/b/"]),
            Pr("PR-003", files: ["src/a.cs", "src/b/x.cs", "src/c.cs"]),
        };
        var why = Explain(prs, new SchedulingSnapshot
        {
            Agents = [Worker("w1", 1), Worker("w2", 1), Worker("w3")],
            Running = [new RunningPr("PR-001", HotState.InProgress, "w1"), new RunningPr("PR-002", HotState.InProgress, "w2")],
            Leases = [new LiveLease("src/c.cs", "w2", "PR-002")],
        }, "PR-003");
        var conflicts = why.Reasons.Where(r => r.Code == "file-conflict").ToList();
        Assert.Equal(3, conflicts.Count);
        Assert.Equal("conflicts with PR-001 (running on w1) on src/a.cs", conflicts[0].Text);
        Assert.Equal(("PR-002", "src/b/x.cs", "src/b/"), (conflicts[1].PrId, conflicts[1].Path, conflicts[1].HeldPath));
        Assert.Equal("conflicts with a lease held by w2 for PR-002 on src/c.cs", conflicts[2].Text);
        Assert.DoesNotContain(why.Reasons, r => r.Code == "starts-next");
    }

    [Fact]
    public void Says_when_no_capable_agent_is_registered_or_all_are_busy()
    {
        var prs = new[] { Pr("PR-001", ColdState.Completed), Pr("PR-002", files: ["a.cs"]), Pr("PR-003", files: ["b.cs"]) };
        var snapshot = new SchedulingSnapshot
        {
            Agents = [Worker("w1", 1)],
            Running = [new RunningPr("PR-002", HotState.InProgress, "w1")],
        };
        var qc = Explain(prs, snapshot, "PR-001");
        Assert.Equal("no-agent-of-type", Assert.Single(qc.Reasons).Code);
        Assert.Equal("no qc or review agent is registered (a completed PR needs one)", qc.Reasons[0].Text);

        var busy = Explain(prs, snapshot, "PR-003");
        Assert.Equal("every worker agent is busy (w1)", Assert.Single(busy.Reasons).Text);

        var none = Explain(prs, new SchedulingSnapshot(), "PR-003");
        Assert.Equal("no-agents", Assert.Single(none.Reasons).Code);
    }

    [Fact]
    public void A_paused_hub_says_so_and_a_free_pr_starts_next_otherwise()
    {
        var prs = new[] { Pr("PR-001", files: ["a.cs"]) };
        var snapshot = new SchedulingSnapshot { Agents = [Worker("w1")] };
        var paused = Explain(prs, snapshot, "PR-001", paused: true);
        Assert.Equal(["paused"], paused.Reasons.Select(r => r.Code));

        var free = Explain(prs, snapshot, "PR-001");
        var next = Assert.Single(free.Reasons);
        Assert.Equal(("starts-next", "w1"), (next.Code, next.AgentId));
    }

    [Fact]
    public void Running_and_done_prs_say_so()
    {
        var prs = new[] { Pr("PR-001"), Pr("PR-002", ColdState.Approved) };
        var running = Explain(prs, new SchedulingSnapshot { Agents = [Worker("w1", 1)], Running = [new RunningPr("PR-001", HotState.InProgress, "w1")] }, "PR-001");
        Assert.True(running.Running);
        Assert.Equal(("w1", "in-progress"), (running.AgentId, running.HotState));
        Assert.Equal("already running: w1 is working on it (in-progress)", Assert.Single(running.Reasons).Text);
        Assert.Equal("done", Assert.Single(Explain(prs, new SchedulingSnapshot(), "PR-002").Reasons).Code);
    }

    [Fact]
    public void The_schedulers_own_limits_are_reported_when_nothing_else_stops_the_pr()
    {
        var prs = new[] { Pr("PR-001", files: ["a.cs"]), Pr("PR-002", files: ["b.cs"]) };
        var why = Explain(prs, new SchedulingSnapshot { Agents = [Worker("w1", 1), Worker("w2")], Running = [new RunningPr("PR-001", HotState.InProgress, "w1")] },
            "PR-002", options: new SchedulerOptions { MaxParallelPrs = 1 });
        var r = Assert.Single(why.Reasons);
        Assert.Equal(("parallel-limit", "parallel PR limit (1) reached"), (r.Code, r.Text));
    }

    [Fact]
    public void Blocked_with_its_dependencies_done_and_unknown_dependencies_are_explained()
    {
        var prs = new[] { Pr("PR-001", ColdState.Completed), Pr("PR-002", ColdState.Blocked, deps: ["PR-001"]), Pr("PR-003", ColdState.New, deps: ["PR-404"]) };
        var snapshot = new SchedulingSnapshot { Agents = [Worker("w1")] };
        Assert.Contains(Explain(prs, snapshot, "PR-002").Reasons, r => r.Code == "blocked");
        var unknown = Explain(prs, snapshot, "PR-003").Reasons.First();
        Assert.Equal(("dependency-unknown", "PR-404"), (unknown.Code, unknown.PrId));
    }
}
