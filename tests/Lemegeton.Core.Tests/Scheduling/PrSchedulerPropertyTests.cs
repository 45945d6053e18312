using FsCheck;
using FsCheck.Fluent;
using Lemegeton.Core.Leases;
using Lemegeton.Core.Scheduling;
using Lemegeton.Core.States;
using Lemegeton.Core.TaskList;
using static Lemegeton.Core.Tests.TestPrs;

namespace Lemegeton.Core.Tests.Scheduling;

/// <summary>Checks every decision against a brute-force reading of the rules, over random task lists.</summary>
public class PrSchedulerPropertyTests
{
    private sealed record Scenario(List<PullRequest> Prs, SchedulingSnapshot Snapshot, SchedulerOptions Options);

    private static Scenario Generate(int seed)
    {
        var random = new Random(seed);
        var poolSize = random.Next(2, 14);
        string RandomPath() => random.Next(8) switch
        {
            0 => $"d{random.Next(3)}/",                          // a directory
            1 => $@"d{random.Next(3)}\f{random.Next(poolSize)}.cs", // same files, other spelling
            _ => $"d{random.Next(3)}/f{random.Next(poolSize)}.cs",
        };
        var count = random.Next(1, 30);
        var colds = Enum.GetValues<ColdState>();
        var prs = new List<PullRequest>();
        for (var i = 0; i < count; i++)
        {
            var deps = Enumerable.Range(0, i).Where(_ => random.Next(5) == 0).Select(d => $"PR-{d:D3}").ToList();
            if (random.Next(20) == 0) deps.Add("PR-999");
            if (i > 0 && random.Next(25) == 0) deps.Add($"PR-{random.Next(i, count):D3}"); // may close a cycle
            prs.Add(Pr($"PR-{i:D3}", colds[random.Next(colds.Length)],
                files: [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomPath())],
                deps: [.. deps], priority: (Priority)random.Next(4), complexity: random.Next(1, 11)));
        }
        var running = prs.Where(p => !p.ColdState.IsDone() && random.Next(6) == 0)
            .Select(p => new RunningPr(p.Id, (HotState)random.Next(4), $"busy-{p.Id}")).ToList();
        var leases = Enumerable.Range(0, random.Next(0, 3))
            .Select(i => new LiveLease(random.Next(3) == 0 ? $"d{random.Next(3)}/sub/x{i}.cs" : RandomPath().Replace('\\', '/'), $"leaser-{i}", null)).ToList();
        var types = new[] { AgentTypes.Planning, AgentTypes.Worker, AgentTypes.Qc, AgentTypes.Review, "bard" };
        var agents = Enumerable.Range(0, random.Next(0, 8)).Select(i =>
        {
            var max = random.Next(1, 3);
            return new SchedulingAgent($"agent-{i}", types[random.Next(types.Length)], random.Next(0, max + 1), max,
                random.Next(3) == 0 ? (ModelTier)random.Next(3) : null);
        }).ToList();
        var cold = prs.Where(_ => random.Next(10) == 0).ToDictionary(p => p.Id, _ => colds[random.Next(colds.Length)]);
        var options = new SchedulerOptions
        {
            MaxParallelPrs = random.Next(1, 12),
            Strategy = (AssignmentStrategy)random.Next(4),
            Order = random.Next(2) == 0 ? [OrderKey.Priority, OrderKey.Complexity, OrderKey.Id] : [OrderKey.EstimatedMinutes, OrderKey.Priority],
        };
        return new Scenario(prs, new SchedulingSnapshot { Running = running, Leases = leases, Agents = agents, ColdStates = cold }, options);
    }

    private static string Canon(string path) => LeasePaths.Normalize(path).Path ?? path;

    [Fact]
    public void Decisions_are_safe_and_maximal()
    {
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var (prs, snapshot, options) = Generate(seed);
            var decision = new PrScheduler(SchedulingIndex.Build(prs), options).Decide(snapshot);
            var byId = prs.ToDictionary(p => p.Id);
            ColdState Cold(string id) => snapshot.ColdStates.TryGetValue(id, out var c) ? c : byId[id].ColdState;
            string[] Files(string id) => [.. byId[id].Files.Select(Canon)];
            bool Overlap(IEnumerable<string> a, IEnumerable<string> b) => a.Any(x => b.Any(y => LeasePaths.Overlaps(x, y)));
            var runningIds = snapshot.Running.Select(r => r.PrId).ToHashSet();
            var held = snapshot.Running.SelectMany(r => Files(r.PrId)).Concat(snapshot.Leases.Select(l => Canon(l.Path))).ToList();
            var assigned = decision.Assignments.Select(a => a.PrId).ToList();

            // Safe: no two assigned PRs conflict, none conflicts with running work or leases, dependencies are met.
            for (var i = 0; i < assigned.Count; i++)
                for (var j = i + 1; j < assigned.Count; j++)
                    if (Overlap(Files(assigned[i]), Files(assigned[j]))) throw new Exception($"{assigned[i]} and {assigned[j]} conflict (seed {seed})");
            foreach (var a in decision.Assignments)
            {
                var state = Cold(a.PrId);
                if (runningIds.Contains(a.PrId) || state is ColdState.Approved or ColdState.Blocked) throw new Exception($"{a.PrId} is not a candidate (seed {seed})");
                if (Overlap(Files(a.PrId), held)) throw new Exception($"{a.PrId} conflicts with running work (seed {seed})");
                if (state != ColdState.Completed && byId[a.PrId].Dependencies.Any(d => !byId.ContainsKey(d) || !Cold(d).IsDone()))
                    throw new Exception($"{a.PrId} has unmet dependencies (seed {seed})");
                var agent = snapshot.Agents.Single(x => x.Id == a.AgentId);
                if (AgentTypes.WorkOf(agent.Type) != a.Work || agent.EffectiveCapability.MaxComplexity < a.Complexity)
                    throw new Exception($"{a.PrId} given to an unfit agent (seed {seed})");
            }
            foreach (var agent in snapshot.Agents)
                if (decision.Assignments.Count(a => a.AgentId == agent.Id) > Math.Max(0, agent.MaxConcurrent - agent.CurrentLoad))
                    throw new Exception($"{agent.Id} over capacity (seed {seed})");
            if (runningIds.Count + assigned.Count > Math.Max(options.MaxParallelPrs, runningIds.Count)) throw new Exception($"cap exceeded (seed {seed})");

            // Complete: every PR not running, assigned or approved waits exactly once.
            var expected = prs.Where(p => !runningIds.Contains(p.Id) && Cold(p.Id) != ColdState.Approved).Select(p => p.Id).Order();
            if (!expected.SequenceEqual(assigned.Concat(decision.Waiting.Select(w => w.PrId)).Order())) throw new Exception($"PRs unaccounted for (seed {seed})");

            // Maximal: each reason is true of the final selection, so no waiting PR could have been added.
            var allHeld = held.Concat(assigned.SelectMany(Files)).ToList();
            var planningExists = snapshot.Agents.Any(a => AgentTypes.WorkOf(a.Type) == WorkKind.Planning);
            foreach (var (id, reason) in decision.Waiting)
            {
                var ok = reason.Kind switch
                {
                    WaitKind.FileConflict => Overlap(Files(id), allHeld),
                    WaitKind.ParallelLimit => runningIds.Count + assigned.Count >= options.MaxParallelPrs,
                    WaitKind.DependencyPending => byId[id].Dependencies.Any(d => byId.ContainsKey(d) && !Cold(d).IsDone()),
                    WaitKind.DependencyUnknown => byId[id].Dependencies.Any(d => !byId.ContainsKey(d)),
                    WaitKind.Blocked => Cold(id) == ColdState.Blocked,
                    WaitKind.DependencyCycle => true,
                    _ => !snapshot.Agents.Any(a => CouldTake(a, id)),
                };
                if (!ok) throw new Exception($"{id}: '{reason.Text}' does not hold (seed {seed})");
            }
            return true;

            bool CouldTake(SchedulingAgent agent, string id)
            {
                var free = agent.MaxConcurrent - agent.CurrentLoad - decision.Assignments.Count(a => a.AgentId == agent.Id);
                var work = AgentTypes.WorkOf(agent.Type);
                var fits = Cold(id) switch
                {
                    ColdState.Completed => work is WorkKind.QualityCheck or WorkKind.Review,
                    ColdState.Planned => work == WorkKind.Implementation,
                    ColdState.Ready => work == (planningExists ? WorkKind.Planning : WorkKind.Implementation),
                    _ => work == WorkKind.Planning,
                };
                return free > 0 && fits && agent.EffectiveCapability.MaxComplexity >= Math.Clamp(byId[id].Score, 1, 10);
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Decisions_do_not_depend_on_earlier_decisions_of_the_same_scheduler()
    {
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var (prs, snapshot, options) = Generate(seed);
            var (_, other, _) = Generate(seed ^ 0x5a5a5a);
            options = options with { Strategy = AssignmentStrategy.CapabilityMatched };
            var reused = new PrScheduler(SchedulingIndex.Build(prs), options);
            reused.Decide(snapshot with { Leases = other.Leases, Running = [] });
            var a = reused.Decide(snapshot);
            var b = new PrScheduler(SchedulingIndex.Build(prs), options).Decide(snapshot);
            return a.Assignments.SequenceEqual(b.Assignments) && a.Waiting.SequenceEqual(b.Waiting);
        }).QuickCheckThrowOnFailure();
    }
}
