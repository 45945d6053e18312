namespace Lemegeton.Core.TaskList;

/// <summary>
/// The checks that need the whole list: duplicate ids, dependencies on ids that are not in the
/// file, and dependency cycles. Runs on every (re)parse, so it hashes each id once and walks the
/// graph over integer indexes.
/// </summary>
internal static class TaskListValidator
{
    /// <param name="IndexById">Id to index in <paramref name="Prs"/>.</param>
    public sealed record Result(List<PullRequest> Prs, Dictionary<string, int> IndexById, List<TaskListDiagnostic> Diagnostics);

    /// <summary>
    /// The previous result still holds when every section has the same id, loads or not as before,
    /// and has the same dependencies, and the previous list had no whole-list problem: then only the
    /// PR instances are new. This keeps a re-parse after a small edit from redoing the graph checks.
    /// </summary>
    public static Result? TryReuse(IReadOnlyList<ParsedBlock> oldBlocks, Result? old, IReadOnlyList<ParsedBlock> blocks)
    {
        if (old is null || old.Diagnostics.Count != 0 || oldBlocks.Count != blocks.Count) return null;
        var prs = new List<PullRequest>(old.Prs.Count);
        for (var i = 0; i < blocks.Count; i++)
        {
            var a = oldBlocks[i];
            var b = blocks[i];
            if (ReferenceEquals(a, b)) { if (b.Pr is not null) prs.Add(b.Pr); continue; }
            if (a.Id != b.Id || (a.Pr is null) != (b.Pr is null)) return null;
            if (b.Pr is null)
            {
                if (!a.UnloadedDependencies.SequenceEqual(b.UnloadedDependencies, StringComparer.Ordinal)) return null;
                continue;
            }
            if (!ReferenceEquals(a.Pr!.Dependencies, b.Pr.Dependencies) && !a.Pr.Dependencies.SequenceEqual(b.Pr.Dependencies, StringComparer.Ordinal)) return null;
            prs.Add(b.Pr);
        }
        return prs.Count == old.Prs.Count ? old with { Prs = prs } : null;
    }

    public static Result Validate(IReadOnlyList<ParsedBlock> blocks, string? path, bool lenient)
    {
        var diagnostics = new List<TaskListDiagnostic>();
        var prs = new List<PullRequest>(blocks.Count);
        // Every id in the file, loaded or not: a dependency on a PR whose block is broken is not a second
        // error, and such a PR still takes part in cycle detection so that every error shows in one run.
        var seen = new Dictionary<string, int>(blocks.Count, StringComparer.Ordinal);
        var byId = new Dictionary<string, int>(blocks.Count, StringComparer.Ordinal);
        var nodeOfBlock = new int[blocks.Count];
        var nodes = new List<ParsedBlock>(blocks.Count);
        for (var i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            nodeOfBlock[i] = -1;
            if (b.Id is null) continue;
            if (!seen.TryAdd(b.Id, i))
            {
                var first = blocks[seen[b.Id]];
                diagnostics.Add(new TaskListDiagnostic(path, b.IdPosition.Line, b.IdPosition.Column, b.Id, "pr_id",
                    $"duplicate PR id; first defined at line {first.IdPosition.Line}", "give each PR its own pr_id"));
                continue;
            }
            nodeOfBlock[i] = nodes.Count;
            nodes.Add(b);
            if (b.Pr is null) continue;
            byId.Add(b.Id, prs.Count);
            prs.Add(b.Pr);
        }

        // The graph over every first-seen id, dependencies as node indexes (-1: not in the file), in one flat array.
        var ids = new string[nodes.Count];
        var positions = new IReadOnlyList<SourcePosition>[nodes.Count];
        var firstEdge = new int[nodes.Count + 1];
        var edgeCount = 0;
        for (var n = 0; n < nodes.Count; n++)
        {
            ids[n] = nodes[n].Id!;
            positions[n] = nodes[n].Pr?.DependencyPositions ?? nodes[n].UnloadedDependencyPositions;
            edgeCount += (nodes[n].Pr?.Dependencies ?? nodes[n].UnloadedDependencies).Count;
        }
        var edges = new int[edgeCount];
        var e = 0;
        for (var n = 0; n < nodes.Count; n++)
        {
            firstEdge[n] = e;
            var deps = nodes[n].Pr?.Dependencies ?? nodes[n].UnloadedDependencies;
            for (var d = 0; d < deps.Count; d++)
            {
                if (seen.TryGetValue(deps[d], out var block))
                {
                    edges[e++] = nodeOfBlock[block];
                    continue;
                }
                edges[e++] = -1;
                var at = positions[n][d];
                diagnostics.Add(new TaskListDiagnostic(path, at.Line, at.Column, ids[n], "dependencies",
                    $"'{deps[d]}' is not a PR in this task list", "fix the id or remove the dependency",
                    lenient ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error));
            }
        }
        firstEdge[nodes.Count] = e;
        FindCycles(ids, positions, firstEdge, edges, path, diagnostics);
        return new Result(prs, byId, diagnostics);
    }

    /// <summary>Iterative depth-first search; each back edge is reported once as the cycle it closes.</summary>
    private static void FindCycles(string[] ids, IReadOnlyList<SourcePosition>[] positions, int[] firstEdge, int[] edges, string? path, List<TaskListDiagnostic> diagnostics)
    {
        var count = ids.Length;
        var color = new byte[count]; // 0 unvisited, 1 on the stack, 2 done
        var stackNode = new int[count];
        var stackNext = new int[count];
        for (var root = 0; root < count; root++)
        {
            if (color[root] != 0) continue;
            var top = 0;
            stackNode[0] = root;
            stackNext[0] = firstEdge[root];
            color[root] = 1;
            while (top >= 0)
            {
                var node = stackNode[top];
                var next = stackNext[top];
                if (next >= firstEdge[node + 1])
                {
                    color[node] = 2;
                    top--;
                    continue;
                }
                stackNext[top] = next + 1;
                var dep = edges[next];
                if (dep < 0) continue;
                if (color[dep] == 0)
                {
                    color[dep] = 1;
                    top++;
                    stackNode[top] = dep;
                    stackNext[top] = firstEdge[dep];
                }
                else if (color[dep] == 1)
                {
                    var from = Array.LastIndexOf(stackNode, dep, top);
                    var cycle = new List<string>(top - from + 2);
                    for (var k = from; k <= top; k++) cycle.Add(ids[stackNode[k]]);
                    cycle.Add(ids[dep]);
                    var at = positions[node][next - firstEdge[node]];
                    diagnostics.Add(new TaskListDiagnostic(path, at.Line, at.Column, ids[node], "dependencies",
                        "dependency cycle: " + string.Join(" → ", cycle),
                        "a PR cannot wait for itself; remove one of these dependencies"));
                }
            }
        }
    }
}
