using Lemegeton.Core.Scheduling;
using Lemegeton.Core.States;
using Lemegeton.Core.TaskList;

namespace Lemegeton.Benchmarks.Scheduling;

/// <summary>
/// A generated task list for scheduling benchmarks. Every PR touches <see cref="FilesPerPr"/> distinct
/// files drawn uniformly from a shared pool of <see cref="PoolSize"/> files, so two PRs share a file with
/// probability 1 − C(M−k, k)/C(M, k) = 1 − (308·307·306·305)/(312·311·310·309) ≈ 0.0505 for k = 4,
/// M = 312 (M ≈ k²/−ln 0.95): about 5% of pairs conflict, whatever the number of PRs.
/// </summary>
/// <remarks>
/// Half the PRs are done (40% approved, 10% completed and waiting for QC/review), 30% are available
/// (ready or planned, dependencies all done), 20% wait on an unfinished dependency (new or blocked).
/// 30 available PRs are running on 30 busy agents, and each running PR's first file is also leased.
/// The 100 agents are 60 workers, 20 planning, 10 qc and 10 review agents; the parallel cap is 100.
/// </remarks>
public sealed class SchedulingWorkload
{
    public const int FilesPerPr = 4;
    public const int PoolSize = 312;

    public SchedulingWorkload(int prCount, int seed = 42)
    {
        var random = new Random(seed);
        var prs = new List<PullRequest>(prCount);
        var done = new List<string>();
        var notDone = new List<string>();
        for (var i = 0; i < prCount; i++)
        {
            var id = $"PR-{i:D5}";
            var slot = i % 10;
            ColdState state;
            List<string> deps = [];
            if (slot < 4) state = ColdState.Approved;
            else if (slot == 4) state = ColdState.Completed;
            else if (slot < 8)
            {
                state = slot == 5 ? ColdState.Planned : ColdState.Ready;
                if (done.Count > 0) deps.Add(done[random.Next(done.Count)]);
            }
            else
            {
                state = slot == 8 ? ColdState.New : ColdState.Blocked;
                if (notDone.Count > 0) deps.Add(notDone[random.Next(notDone.Count)]);
            }
            (state.IsDone() ? done : notDone).Add(id);

            var files = new HashSet<int>();
            while (files.Count < FilesPerPr) files.Add(random.Next(PoolSize));
            var score = random.Next(1, 8);
            prs.Add(new PullRequest
            {
                Id = id, Title = $"Generated PR {i}", ColdState = state, Priority = (Priority)random.Next(4),
                Complexity = new PrComplexity(score, score * 10, null, "generated"), Dependencies = deps,
                EstimatedFiles = [.. files.Select(f => new PrFile($"src/module{f % 16}/file{f}.cs", FileAction.Modify, null))],
            });
        }
        Prs = prs;

        var runningPrs = prs.Where(p => p.ColdState is ColdState.Ready or ColdState.Planned).Take(30).ToList();
        var agents = new List<SchedulingAgent>();
        var running = new List<RunningPr>();
        var leases = new List<LiveLease>();
        for (var a = 0; a < 100; a++)
        {
            var type = a < 60 ? AgentTypes.Worker : a < 80 ? AgentTypes.Planning : a < 90 ? AgentTypes.Qc : AgentTypes.Review;
            var busy = a < runningPrs.Count;
            agents.Add(new SchedulingAgent($"{type}-{a}", type, busy ? 1 : 0, 1));
            if (!busy) continue;
            var pr = runningPrs[a];
            running.Add(new RunningPr(pr.Id, HotState.InProgress, agents[^1].Id));
            leases.Add(new LiveLease(pr.EstimatedFiles[0].Path, agents[^1].Id, pr.Id));
        }
        Snapshot = new SchedulingSnapshot { Agents = agents, Running = running, Leases = leases };
    }

    public IReadOnlyList<PullRequest> Prs { get; }
    public SchedulingSnapshot Snapshot { get; }

    /// <summary>The measured fraction of conflicting pairs among the available PRs (a check of the pool sizing).</summary>
    public double MeasuredConflictDensity(int sample = 1500)
    {
        var available = Prs.Where(p => p.ColdState is ColdState.Ready or ColdState.Planned).Take(sample)
            .Select(p => p.EstimatedFiles.Select(f => f.Path).ToHashSet()).ToList();
        long pairs = 0, conflicts = 0;
        for (var i = 0; i < available.Count; i++)
            for (var j = i + 1; j < available.Count; j++, pairs++)
                if (available[i].Overlaps(available[j])) conflicts++;
        return pairs == 0 ? 0 : (double)conflicts / pairs;
    }
}
