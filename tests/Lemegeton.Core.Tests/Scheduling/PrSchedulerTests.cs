using Lemegeton.Core.Scheduling;
using Lemegeton.Core.States;
using Lemegeton.Core.TaskList;
using static Lemegeton.Core.Tests.TestPrs;

namespace Lemegeton.Core.Tests.Scheduling;

public class PrSchedulerTests
{
    private static SchedulingAgent Worker(string id, int load = 0, int max = 1) => new(id, AgentTypes.Worker, load, max);

    private static ScheduleDecision Decide(IEnumerable<PullRequest> prs, SchedulingSnapshot snapshot, SchedulerOptions? options = null) =>
        new PrScheduler(SchedulingIndex.Build(prs), options).Decide(snapshot);

    private static SchedulingSnapshot Workers(int n, params RunningPr[] running) =>
        new() { Agents = [.. Enumerable.Range(1, n).Select(i => Worker($"worker-{i}"))], Running = running };

    private static string Reason(ScheduleDecision d, string id) => d.Waiting.Single(w => w.PrId == id).Reason.Text;

    [Fact]
    public void Selects_a_maximal_set_of_prs_with_disjoint_files()
    {
        var prs = new[]
        {
            Pr("PR-001", files: ["src/a.cs", "src/b.cs"]),
            Pr("PR-002", files: ["src/b.cs"]),
            Pr("PR-003", files: ["src/c.cs"]),
            Pr("PR-004", files: ["src/a.cs", "src/c.cs"]),
            Pr("PR-005", files: ["src/d.cs"]),
        };
        var decision = Decide(prs, Workers(10));
        Assert.Equal(["PR-001", "PR-003", "PR-005"], decision.Assignments.Select(a => a.PrId));
        Assert.Equal("conflicts with PR-001 (starting now on worker-1) on src/b.cs", Reason(decision, "PR-002"));
        Assert.Equal(WaitKind.FileConflict, decision.Waiting.Single(w => w.PrId == "PR-004").Reason.Kind);
    }

    [Fact]
    public void Orders_by_priority_then_complexity_then_id()
    {
        var prs = new[]
        {
            Pr("PR-001", files: ["x.cs"], priority: Priority.Low, complexity: 1),
            Pr("PR-002", files: ["x.cs"], priority: Priority.Critical, complexity: 5),
            Pr("PR-003", files: ["x.cs"], priority: Priority.Critical, complexity: 2),
        };
        var decision = Decide(prs, Workers(3));
        Assert.Equal("PR-003", Assert.Single(decision.Assignments).PrId);

        var byId = Decide(prs, Workers(3), new SchedulerOptions { Order = [OrderKey.Id] });
        Assert.Equal("PR-001", Assert.Single(byId.Assignments).PrId);
    }

    [Fact]
    public void Running_work_blocks_conflicting_prs_in_the_next_round()
    {
        // The reference selected B in round 2 although A, running, holds x.ts (spec §7.4).
        var prs = new[] { Pr("PR-00A", files: ["x.ts"]), Pr("PR-00B", files: ["x.ts"]) };
        var scheduler = new PrScheduler(SchedulingIndex.Build(prs));
        var first = scheduler.Decide(Workers(2));
        Assert.Equal("PR-00A", Assert.Single(first.Assignments).PrId);

        var second = scheduler.Decide(Workers(2, new RunningPr("PR-00A", HotState.InProgress, "worker-1")));
        Assert.Empty(second.Assignments);
        Assert.Equal("conflicts with PR-00A (running on worker-1) on x.ts", Reason(second, "PR-00B"));
        Assert.DoesNotContain(second.Waiting, w => w.PrId == "PR-00A");
        Assert.Equal(1, second.RunningCount);
    }

    [Fact]
    public void Live_leases_block_candidates_including_directory_leases_and_leases_under_a_candidate_directory()
    {
        var prs = new[]
        {
            Pr("PR-001", files: ["docs/api/users.md"]),
            Pr("PR-002", files: ["src/api/"]),
            Pr("PR-003", files: ["src/web/app.ts"]),
            Pr("PR-004", files: [@"lib\core.cs"]),
        };
        var snapshot = Workers(4) with
        {
            Leases =
            [
                new LiveLease("docs/", "worker-9", "PR-900"),
                new LiveLease("src/api/users/controller.cs", "worker-8", null),
                new LiveLease("lib/core.cs", "worker-7", "PR-700"),
            ],
        };
        var decision = Decide(prs, snapshot);
        Assert.Equal("PR-003", Assert.Single(decision.Assignments).PrId);
        Assert.Equal("conflicts with a lease held by worker-9 for PR-900 on docs/api/users.md (held: docs/)", Reason(decision, "PR-001"));
        Assert.Equal("conflicts with a lease held by worker-8 on src/api/ (held: src/api/users/controller.cs)", Reason(decision, "PR-002"));
        Assert.Equal("conflicts with a lease held by worker-7 for PR-700 on lib/core.cs", Reason(decision, "PR-004"));
    }

    [Fact]
    public void A_directory_in_one_pr_conflicts_with_files_under_it_in_another()
    {
        var prs = new[] { Pr("PR-001", files: ["src/api/"]), Pr("PR-002", files: ["src/api/v2/users.cs"]), Pr("PR-003", files: ["src/apiary.cs"]) };
        var decision = Decide(prs, Workers(3));
        Assert.Equal(["PR-001", "PR-003"], decision.Assignments.Select(a => a.PrId));
        Assert.Equal("conflicts with PR-001 (starting now on worker-1) on src/api/v2/users.cs (held: src/api/)", Reason(decision, "PR-002"));

        var reverse = Decide([Pr("PR-001", files: ["src/api/v2/users.cs"]), Pr("PR-002", files: ["./src/api/"])], Workers(2));
        Assert.Equal("conflicts with PR-001 (starting now on worker-1) on src/api/ (held: src/api/v2/users.cs)", Reason(reverse, "PR-002"));
    }

    [Fact]
    public void Paths_are_normalised_before_comparison()
    {
        var decision = Decide([Pr("PR-001", files: [@"src\a.cs"]), Pr("PR-002", files: ["./src//a.cs"])], Workers(2));
        Assert.Single(decision.Assignments);
    }

    [Fact]
    public void Waits_for_dependencies_naming_the_dependency_and_its_state()
    {
        var prs = new[]
        {
            Pr("PR-001", ColdState.Ready), Pr("PR-002", ColdState.Completed), Pr("PR-003", ColdState.Planned, deps: ["PR-002", "PR-001"]),
            Pr("PR-004", ColdState.New, deps: ["PR-404"]), Pr("PR-005", ColdState.Blocked, deps: ["PR-002"]),
        };
        var decision = Decide(prs, Workers(5, new RunningPr("PR-001", HotState.InProgress, "worker-1")));
        Assert.Equal("waiting for PR-001 (in-progress)", Reason(decision, "PR-003"));
        Assert.Equal("depends on PR-404, which is not in the task list; fix or remove the dependency", Reason(decision, "PR-004"));
        Assert.Equal(WaitKind.Blocked, decision.Waiting.Single(w => w.PrId == "PR-005").Reason.Kind);
    }

    [Fact]
    public void Availability_follows_dependency_completion()
    {
        var prs = new[] { Pr("PR-001", ColdState.Ready), Pr("PR-002", ColdState.Planned, deps: ["PR-001"]) };
        var scheduler = new PrScheduler(SchedulingIndex.Build(prs));
        Assert.Equal(["PR-001"], scheduler.Decide(Workers(2)).Assignments.Select(a => a.PrId));

        var after = scheduler.Decide(Workers(2) with { ColdStates = new Dictionary<string, ColdState> { ["PR-001"] = ColdState.Completed } });
        Assert.Equal(["PR-002"], after.Assignments.Where(a => a.Work == WorkKind.Implementation).Select(a => a.PrId));
    }

    [Fact]
    public void Detects_dependency_cycles()
    {
        var prs = new[]
        {
            Pr("PR-001", deps: ["PR-003"]), Pr("PR-002", deps: ["PR-001"]), Pr("PR-003", deps: ["PR-002"]),
            Pr("PR-004", deps: ["PR-003"]), Pr("PR-005"),
        };
        var decision = Decide(prs, Workers(5));
        Assert.Equal(["PR-005"], decision.Assignments.Select(a => a.PrId));
        Assert.Equal("in a dependency cycle (PR-001, PR-002, PR-003); remove one of the dependencies", Reason(decision, "PR-002"));
        Assert.Equal(WaitKind.DependencyPending, decision.Waiting.Single(w => w.PrId == "PR-004").Reason.Kind);
    }

    [Fact]
    public void Caps_parallel_prs_counting_running_ones()
    {
        var prs = Enumerable.Range(1, 6).Select(i => Pr($"PR-{i:D3}", files: [$"f{i}.cs"])).ToArray();
        var decision = Decide(prs, Workers(6, new RunningPr("PR-006", HotState.InProgress, "worker-6")), new SchedulerOptions { MaxParallelPrs = 3 });
        Assert.Equal(2, decision.Assignments.Count);
        Assert.Equal("parallel PR limit (3) reached", Reason(decision, "PR-003"));
    }

    [Fact]
    public void Assigns_work_by_state_and_agent_type()
    {
        var prs = new[]
        {
            Pr("PR-001", ColdState.Ready, files: ["a"]), Pr("PR-002", ColdState.Planned, files: ["b"]),
            Pr("PR-003", ColdState.Completed, files: ["c"], title: "Add tests for parser"), Pr("PR-004", ColdState.Approved, files: ["d"]),
            Pr("PR-005", ColdState.New, files: ["e"]),
        };
        var snapshot = new SchedulingSnapshot
        {
            Agents = [new("plan-1", AgentTypes.Planning), new("worker-1", AgentTypes.Worker), new("qc-1", AgentTypes.Qc), new("review-1", AgentTypes.Review)],
        };
        var decision = Decide(prs, snapshot);
        var byPr = decision.Assignments.ToDictionary(a => a.PrId);
        Assert.Equal(("plan-1", WorkKind.Planning), (byPr["PR-001"].AgentId, byPr["PR-001"].Work));
        Assert.Equal(("worker-1", WorkKind.Implementation), (byPr["PR-002"].AgentId, byPr["PR-002"].Work));
        Assert.Equal(("qc-1", WorkKind.QualityCheck), (byPr["PR-003"].AgentId, byPr["PR-003"].Work)); // qc specialisation: "test" in the title
        Assert.Equal("no idle planning agent", Reason(decision, "PR-005"));
        Assert.DoesNotContain(decision.Waiting, w => w.PrId == "PR-004");
    }

    [Fact]
    public void Ready_prs_go_to_workers_when_no_planning_agent_exists()
    {
        var decision = Decide([Pr("PR-001", ColdState.Ready), Pr("PR-002", ColdState.New, files: ["x"])], Workers(2));
        Assert.Equal(WorkKind.Implementation, Assert.Single(decision.Assignments).Work);
        Assert.Equal("no planning agent is connected", Reason(decision, "PR-002"));
    }

    [Fact]
    public void Capabilities_are_looked_up_by_agent_type_not_id()
    {
        // The reference looked capabilities up by agent id, so a worker fell back to max complexity 5 (spec §7.5).
        var decision = Decide([Pr("PR-001", complexity: 6), Pr("PR-002", complexity: 9, files: ["x"])], Workers(2));
        Assert.Equal("PR-001", Assert.Single(decision.Assignments).PrId);
        Assert.Equal("no idle agent can take complexity 9", Reason(decision, "PR-002"));
    }

    [Fact]
    public void Respects_agent_capacity()
    {
        var prs = Enumerable.Range(1, 5).Select(i => Pr($"PR-{i:D3}", files: [$"f{i}"])).ToArray();
        var snapshot = new SchedulingSnapshot { Agents = [Worker("worker-1", load: 1, max: 3), Worker("worker-2", load: 1, max: 1)] };
        var decision = Decide(prs, snapshot);
        Assert.Equal(2, decision.Assignments.Count);
        Assert.All(decision.Assignments, a => Assert.Equal("worker-1", a.AgentId));
        Assert.Equal("no idle worker agent", Reason(decision, "PR-003"));
    }

    [Fact]
    public void Load_balanced_prefers_the_least_loaded_agent_and_round_robin_rotates()
    {
        var prs = Enumerable.Range(1, 4).Select(i => Pr($"PR-{i:D3}", files: [$"f{i}"])).ToArray();
        var agents = new SchedulingSnapshot { Agents = [Worker("worker-1", load: 2, max: 4), Worker("worker-2", load: 0, max: 4)] };
        var balanced = Decide(prs, agents, new SchedulerOptions { Strategy = AssignmentStrategy.LoadBalanced });
        Assert.Equal(["worker-2", "worker-2", "worker-1", "worker-2"], balanced.Assignments.Select(a => a.AgentId));

        var first = Decide(prs, agents, new SchedulerOptions { Strategy = AssignmentStrategy.FirstAvailable });
        Assert.Equal(["worker-1", "worker-1", "worker-2", "worker-2"], first.Assignments.Select(a => a.AgentId));

        var scheduler = new PrScheduler(SchedulingIndex.Build(prs), new SchedulerOptions { Strategy = AssignmentStrategy.RoundRobin });
        Assert.Equal(["worker-1", "worker-2", "worker-1", "worker-2"], scheduler.Decide(agents).Assignments.Select(a => a.AgentId));
    }

    [Fact]
    public void Picks_the_model_tier_by_score_with_fallback()
    {
        var prs = new[] { Pr("PR-001", complexity: 2, files: ["a"]), Pr("PR-002", complexity: 5, files: ["b"]), Pr("PR-003", complexity: 9, files: ["c"]) };
        var any = Decide(prs, new SchedulingSnapshot { Agents = [new("p1", AgentTypes.Planning), new("p2", AgentTypes.Planning), new("p3", AgentTypes.Planning)] });
        Assert.Equal([ModelTier.Haiku, ModelTier.Sonnet, ModelTier.Opus], any.Assignments.OrderBy(a => a.PrId).Select(a => a.Model));

        // Only sonnet and haiku agents: opus work falls back to sonnet, and haiku work to the haiku agent.
        var limited = Decide(prs, new SchedulingSnapshot
        {
            Agents = [new("s1", AgentTypes.Planning, Model: ModelTier.Sonnet), new("s2", AgentTypes.Planning, Model: ModelTier.Sonnet), new("h1", AgentTypes.Planning, Model: ModelTier.Haiku)],
        }, new SchedulerOptions { Strategy = AssignmentStrategy.FirstAvailable });
        Assert.Equal([("PR-001", "h1", ModelTier.Haiku), ("PR-002", "s1", ModelTier.Sonnet), ("PR-003", "s2", ModelTier.Sonnet)],
            limited.Assignments.OrderBy(a => a.PrId).Select(a => (a.PrId, a.AgentId, a.Model)));
    }

    [Fact]
    public void A_failed_pr_is_scheduled_again_once_it_stops_running()
    {
        var prs = new[] { Pr("PR-001", files: ["a"]), Pr("PR-002", files: ["a"]) };
        var scheduler = new PrScheduler(SchedulingIndex.Build(prs));
        Assert.DoesNotContain(scheduler.Decide(Workers(2, new RunningPr("PR-001", HotState.InProgress, "worker-1"))).Assignments, a => a.PrId == "PR-002");
        // worker-1 crashed: the hub cleared the hot state, so PR-001 is a candidate again and goes first.
        Assert.Equal(["PR-001"], scheduler.Decide(Workers(2)).Assignments.Select(a => a.PrId));
    }

    [Fact]
    public void Every_pr_that_is_not_running_assigned_or_approved_has_a_reason()
    {
        var prs = new[]
        {
            Pr("PR-001", ColdState.Approved), Pr("PR-002", ColdState.Completed), Pr("PR-003", ColdState.Ready, files: ["a"]),
            Pr("PR-004", ColdState.Ready, files: ["a"]), Pr("PR-005", ColdState.Broken), Pr("PR-006", ColdState.Ready),
        };
        var decision = Decide(prs, Workers(1, new RunningPr("PR-006", HotState.Investigating, "worker-0")));
        var accounted = decision.Assignments.Select(a => a.PrId).Concat(decision.Waiting.Select(w => w.PrId)).Order();
        Assert.Equal(["PR-002", "PR-003", "PR-004", "PR-005"], accounted);
        Assert.All(decision.Waiting, w => Assert.False(string.IsNullOrWhiteSpace(w.Reason.Text)));
    }

    [Fact]
    public void The_index_reports_duplicate_ids_and_invalid_paths()
    {
        var index = SchedulingIndex.Build([Pr("PR-001", files: ["/etc/passwd", "src/a.cs"]), Pr("PR-001")]);
        Assert.Equal(1, index.Count);
        Assert.Equal(2, index.Problems.Count);
        Assert.Equal(["/etc/passwd", "src/a.cs"], index.FilesOf("PR-001"));
    }

    [Fact]
    public void Tracks_dependency_chains_and_all_dependents()
    {
        var index = SchedulingIndex.Build(
        [
            Pr("PR-001"), Pr("PR-002", deps: ["PR-001"]), Pr("PR-003", deps: ["PR-001"]),
            Pr("PR-004", deps: ["PR-002", "PR-003"]), Pr("PR-005", deps: ["PR-004", "PR-404"]),
        ]);
        Assert.Equal(["PR-001", "PR-002", "PR-003", "PR-004", "PR-005"], index.DependencyChain("PR-005"));
        Assert.Equal(["PR-001", "PR-002"], index.DependencyChain("PR-002"));
        Assert.Equal(["PR-002", "PR-003", "PR-004", "PR-005"], index.DependentsOf("PR-001"));
        Assert.Empty(index.DependentsOf("PR-005"));
        Assert.Empty(index.DependencyChain("PR-404"));

        var cyclic = SchedulingIndex.Build([Pr("PR-001", deps: ["PR-002"]), Pr("PR-002", deps: ["PR-001"])]);
        Assert.Equal(["PR-002", "PR-001"], cyclic.DependencyChain("PR-001"));
    }
}
