using Lemegeton.Core.TaskList;

namespace Lemegeton.Cli.Commands;

/// <summary>
/// The sample task list of <c>lemegeton demo</c> (<c>docs/examples/demo-task-list.md</c>, embedded): 20 PRs
/// of a small widget shop, with dependencies and PRs that share files.
/// </summary>
public static class DemoTaskList
{
    private const string ResourceName = "demo-task-list.md";

    /// <summary>The text of the sample task list.</summary>
    public static string Text()
    {
        using var stream = typeof(DemoTaskList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Pairs of PRs that share a file and that neither depends on (even transitively): the pairs only the
    /// scheduler keeps apart. Each pair in id order, with the shared files.
    /// </summary>
    public static IReadOnlyList<DemoOverlap> IndependentOverlaps(IReadOnlyList<PullRequest> prs)
    {
        var byId = prs.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var ancestors = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string> AncestorsOf(string id, HashSet<string> visiting)
        {
            if (ancestors.TryGetValue(id, out var known)) return known;
            var set = new HashSet<string>(StringComparer.Ordinal);
            if (byId.TryGetValue(id, out var pr) && visiting.Add(id))
            {
                foreach (var dep in pr.Dependencies)
                {
                    set.Add(dep);
                    set.UnionWith(AncestorsOf(dep, visiting));
                }
                visiting.Remove(id);
            }
            return ancestors[id] = set;
        }

        var overlaps = new List<DemoOverlap>();
        var ordered = prs.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            for (var j = i + 1; j < ordered.Count; j++)
            {
                var (a, b) = (ordered[i], ordered[j]);
                var shared = a.Files.Intersect(b.Files, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                if (shared.Count == 0) continue;
                if (AncestorsOf(a.Id, []).Contains(b.Id) || AncestorsOf(b.Id, []).Contains(a.Id)) continue;
                overlaps.Add(new DemoOverlap(a.Id, b.Id, shared));
            }
        }
        return overlaps;
    }
}
