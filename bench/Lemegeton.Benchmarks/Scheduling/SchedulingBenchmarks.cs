using BenchmarkDotNet.Attributes;
using Lemegeton.Core.Scheduling;

namespace Lemegeton.Benchmarks.Scheduling;

/// <summary>
/// One scheduling decision over a generated task list (see <see cref="SchedulingWorkload"/>): targets
/// &lt; 2 ms median for 10,000 PRs and &lt; 0.2 ms for 1,000 PRs with 100 agents. The TypeScript reference
/// takes 168 ms and 0.58 ms here, mostly building the pairwise conflict graph.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class SchedulingBenchmarks
{
    private SchedulingWorkload _workload = null!;
    private PrScheduler _scheduler = null!;

    [Params(1_000, 10_000)]
    public int Prs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workload = new SchedulingWorkload(Prs);
        _scheduler = new PrScheduler(SchedulingIndex.Build(_workload.Prs), new SchedulerOptions { MaxParallelPrs = 100 });
        var decision = _scheduler.Decide(_workload.Snapshot);
        Console.WriteLine($"// {Prs} PRs: conflict density {_workload.MeasuredConflictDensity():P2}, " +
            $"{decision.Assignments.Count} assigned, {decision.Waiting.Count} waiting, {decision.RunningCount} running");
    }

    /// <summary>One decision with a reused index (the hub's steady state).</summary>
    [Benchmark]
    public ScheduleDecision Decide() => _scheduler.Decide(_workload.Snapshot);

    /// <summary>Building the index, paid once per task-list load.</summary>
    [Benchmark]
    public SchedulingIndex BuildIndex() => SchedulingIndex.Build(_workload.Prs);
}
