namespace Lemegeton.Core.TaskList;

/// <summary>
/// The checks that need the whole list: duplicate ids, dependencies on ids that are not in the
/// file, and dependency cycles. Runs on every (re)parse; it is linear in PRs plus dependencies.
/// </summary>
internal static class TaskListValidator
{
    public static (List<PullRequest> Prs, List<TaskListDiagnostic> Diagnostics) Validate(
        IReadOnlyList<ParsedBlock> blocks, string? path, bool lenient)
    {
        var diagnostics = new List<TaskListDiagnostic>();
        var prs = new List<PullRequest>(blocks.Count);
        var firstSeen = new Dictionary<string, ParsedBlock>(blocks.Count, StringComparer.Ordinal);
        foreach (var b in blocks)
        {
            if (b.Id is null) continue;
            if (!firstSeen.TryAdd(b.Id, b))
            {
                var first = firstSeen[b.Id];
                diagnostics.Add(new TaskListDiagnostic(path, b.IdPosition.Line, b.IdPosition.Column, b.Id, "pr_id",
                    $"duplicate PR id; first defined at line {first.IdPosition.Line}", "give each PR its own pr_id"));
                continue;
            }
            if (b.Pr is not null) prs.Add(b.Pr);
        }

        foreach (var pr in prs)
        {
            for (var i = 0; i < pr.Dependencies.Count; i++)
            {
                var dep = pr.Dependencies[i];
                if (firstSeen.ContainsKey(dep)) continue;
                var at = pr.DependencyPositions[i];
                diagnostics.Add(new TaskListDiagnostic(path, at.Line, at.Column, pr.Id, "dependencies",
                    $"'{dep}' is not a PR in this task list", "fix the id or remove the dependency",
                    lenient ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error));
            }
        }
        FindCycles(prs, path, diagnostics);
        return (prs, diagnostics);
    }

    /// <summary>Iterative depth-first search; each back edge is reported once as the cycle it closes.</summary>
    private static void FindCycles(List<PullRequest> prs, string? path, List<TaskListDiagnostic> diagnostics)
    {
        var index = new Dictionary<string, int>(prs.Count, StringComparer.Ordinal);
        for (var i = 0; i < prs.Count; i++) index[prs[i].Id] = i;
        var color = new byte[prs.Count]; // 0 white, 1 on the stack, 2 done
        var stack = new List<(int Node, int Next)>();
        for (var root = 0; root < prs.Count; root++)
        {
            if (color[root] != 0) continue;
            stack.Add((root, 0));
            color[root] = 1;
            while (stack.Count > 0)
            {
                var (node, next) = stack[^1];
                var deps = prs[node].Dependencies;
                if (next >= deps.Count)
                {
                    color[node] = 2;
                    stack.RemoveAt(stack.Count - 1);
                    continue;
                }
                stack[^1] = (node, next + 1);
                if (!index.TryGetValue(deps[next], out var dep)) continue;
                if (color[dep] == 0)
                {
                    color[dep] = 1;
                    stack.Add((dep, 0));
                }
                else if (color[dep] == 1)
                {
                    var from = stack.FindIndex(f => f.Node == dep);
                    var ids = stack.Skip(from).Select(f => prs[f.Node].Id).Append(prs[dep].Id);
                    var at = prs[node].DependencyPositions[next];
                    diagnostics.Add(new TaskListDiagnostic(path, at.Line, at.Column, prs[node].Id, "dependencies",
                        "dependency cycle: " + string.Join(" → ", ids),
                        "a PR cannot wait for itself; remove one of these dependencies"));
                }
            }
        }
    }
}
