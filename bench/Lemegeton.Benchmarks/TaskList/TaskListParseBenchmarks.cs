using BenchmarkDotNet.Attributes;
using Lemegeton.Core.States;
using Lemegeton.Core.TaskList;

namespace Lemegeton.Benchmarks.TaskList;

/// <summary>
/// Cold parse + validate of a generated 10,000-PR task list (about 8.7 MB; target under 200 ms
/// median on 2 cores, the TypeScript reference takes 238 ms), and the incremental re-parse after
/// one PR's cold state was edited (target under 10 ms).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class TaskListParseBenchmarks
{
    private string _text = "";
    private string _edited = "";
    private TaskListDocument _previous = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = new TaskListGenerator(42).Generate(10_000);
        _previous = TaskListParser.Parse(_text);
        var pr = _previous.Prs[5_000];
        _edited = TaskListWriter.SetColdState(_text, _previous, pr.Id, pr.ColdState == ColdState.Completed ? ColdState.Broken : ColdState.Completed);
        Console.WriteLine($"// 10,000-PR list: {_text.Length:N0} chars");
    }

    [Benchmark(Description = "Cold parse + validate, 10k PRs")]
    public TaskListDocument ColdParse10k() => TaskListParser.Parse(_text);

    [Benchmark(Description = "Re-parse after one PR edited, 10k PRs")]
    public TaskListDocument Reparse10k() => TaskListParser.Reparse(_previous, _edited);

    [Benchmark(Description = "Set one cold state, 10k PRs")]
    public string SetColdState10k() => TaskListWriter.SetColdState(_text, _previous, "PR-5001", ColdState.Approved);
}
