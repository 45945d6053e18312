using System.Globalization;
using System.Text;

namespace Lemegeton.Hub.Tests.Actors;

/// <summary>Task lists for the coordinator tests: chains of dependencies and shared files.</summary>
internal static class TestTaskLists
{
    public static string Id(int i) => "PR-" + i.ToString("D3", CultureInfo.InvariantCulture);

    /// <summary>The dependencies of PR <paramref name="i"/> in <see cref="Build"/>.</summary>
    public static IReadOnlyList<string> Dependencies(int i, int count)
    {
        var deps = new SortedSet<int>();
        if (i > 3) deps.Add(i - 3);
        if (i > 7 && i % 2 == 0) deps.Add(i - 7);
        return [.. deps.Where(d => d <= count).Select(Id)];
    }

    /// <summary>The files of PR <paramref name="i"/>: one of five shared files and one of its own.</summary>
    public static IReadOnlyList<string> Files(int i) => [$"src/Shared/Common{i % 5}.cs", $"src/Area{i % 4}/Part{i}.cs"];

    /// <summary>
    /// <paramref name="count"/> PRs; PR i depends on i−3 and (even i &gt; 7) on i−7; the first three are
    /// ready, the rest new (they become ready by cascade).
    /// </summary>
    public static string Build(int count, Func<int, IReadOnlyList<string>>? dependencies = null)
    {
        var sb = new StringBuilder();
        sb.Append("# Task List for the coordinator tests\n\n## Block 1: Work\n\n");
        for (var i = 1; i <= count; i++)
        {
            var deps = dependencies?.Invoke(i) ?? Dependencies(i, count);
            sb.Append(CultureInfo.InvariantCulture, $"### {Id(i)}: Change part {i}\n---\n");
            sb.Append(CultureInfo.InvariantCulture, $"pr_id: {Id(i)}\ntitle: Change part {i}\n");
            sb.Append(CultureInfo.InvariantCulture, $"cold_state: {(deps.Count == 0 ? "ready" : "new")}\npriority: medium\n");
            sb.Append("complexity:\n  score: 3\n  estimated_minutes: 30\n  suggested_model: haiku\n  rationale: small change\n");
            sb.Append(deps.Count == 0 ? "dependencies: []\n" : $"dependencies: [{string.Join(", ", deps)}]\n");
            sb.Append("estimated_files:\n");
            foreach (var f in Files(i)) sb.Append(CultureInfo.InvariantCulture, $"  - path: {f}\n    action: modify\n    description: part {i}\n");
            sb.Append("---\n\n");
            sb.Append(CultureInfo.InvariantCulture, $"Change part {i}.\n\n");
        }
        return sb.ToString();
    }
}
