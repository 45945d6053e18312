using System.Text.RegularExpressions;
using Lemegeton.Core.TaskList;

namespace Lemegeton.Benchmarks.Cluster;

/// <summary>Task lists for the cluster benchmarks, from the seeded <see cref="TaskListGenerator"/>.</summary>
internal static partial class BenchTaskLists
{
    /// <summary><paramref name="count"/> generated PRs, every one <c>ready</c> and without dependencies (all schedulable at once).</summary>
    public static TaskListDocument AllReady(int count)
    {
        var text = new TaskListGenerator().Generate(count);
        text = ColdState().Replace(text, "cold_state: ready");
        text = Dependencies().Replace(text, m => m.Value.EndsWith('\n') ? "dependencies: []\n" : "dependencies: []");
        text = BlockDependency().Replace(text, "");
        var doc = TaskListParser.Parse(text, "docs/task-list.md");
        if (!doc.IsValid) throw new InvalidOperationException("generated task list is invalid: " + string.Join("; ", doc.Diagnostics));
        return doc;
    }

    [GeneratedRegex(@"cold_state: \S+")]
    private static partial Regex ColdState();

    [GeneratedRegex(@"dependencies:( \[[^\]]*\]|\n(  - \S+\n)+)")]
    private static partial Regex Dependencies();

    [GeneratedRegex(@" \(Depends on: Block \d+\)")]
    private static partial Regex BlockDependency();
}
