using BenchmarkDotNet.Attributes;
using Lemegeton.Core.TaskList;

namespace Lemegeton.Benchmarks.TaskList;

/// <summary>Cold parse + validate at 10,000 and 100,000 PRs, to show the parse scales linearly.</summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 6)]
public class TaskListScaleBenchmarks
{
    private string _text = "";

    [Params(10_000, 100_000)]
    public int Prs { get; set; }

    [GlobalSetup]
    public void Setup() => _text = new TaskListGenerator(42).Generate(Prs);

    [Benchmark(Description = "Cold parse + validate")]
    public TaskListDocument ColdParse() => TaskListParser.Parse(_text);
}
