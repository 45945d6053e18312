using Lemegeton.Core.Leases;
using Lemegeton.Core.States;
using Lemegeton.Core.TaskList;

namespace Lemegeton.Core.Scheduling;

/// <summary>
/// What does not change between scheduling decisions, computed once per task-list load: each PR's
/// canonical file set as interned path ids (with the directory prefixes of every path), its
/// dependencies as PR ordinals, dependency cycles, and candidate orders. A decision then costs about
/// one array lookup per candidate path and ancestor directory, with no pairwise conflict graph.
/// </summary>
public sealed class SchedulingIndex
{
    private readonly Dictionary<string, int> _ordinals;
    private readonly Dictionary<string, int[]> _orders = new(StringComparer.Ordinal);
    private readonly Lock _ordersLock = new();

    private SchedulingIndex(PullRequest[] prs, Dictionary<string, int> ordinals)
    {
        Prs = prs;
        _ordinals = ordinals;
        var n = prs.Length;
        Ids = new string[n];
        BaseCold = new ColdState[n];
        Scores = new int[n];
        Minutes = new int[n];
        Files = new int[n][];
        Dependencies = new int[n][];
        UnknownDependency = new string?[n];
        CycleDetail = new string?[n];
        PathIds = new Dictionary<string, int>(StringComparer.Ordinal);
        PathLookup = PathIds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The PRs, in task-list order (duplicates of an id dropped: the first wins).</summary>
    public IReadOnlyList<PullRequest> Prs { get; }

    /// <summary>Problems found while indexing (duplicate ids, paths that are not valid lease paths), for display.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public int Count => Ids.Length;

    internal string[] Ids { get; }
    internal ColdState[] BaseCold { get; }
    internal int[] Scores { get; }
    internal int[] Minutes { get; }
    internal int[][] Files { get; }
    internal int[][] Dependencies { get; }
    /// <summary>The first dependency that names no PR, per PR.</summary>
    internal string?[] UnknownDependency { get; }
    /// <summary>Non-null for PRs on (or between) dependency cycles: the members, for the message.</summary>
    internal string?[] CycleDetail { get; }
    internal Dictionary<string, int> PathIds { get; }
    internal Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> PathLookup { get; }
    internal List<string> Paths { get; } = [];
    internal List<int[]> PathAncestors { get; } = [];
    internal List<bool> PathIsDirectory { get; } = [];

    public bool TryGetOrdinal(string prId, out int ordinal) => _ordinals.TryGetValue(prId, out ordinal);

    /// <summary>A PR's files as the scheduler compares them (canonical, each once).</summary>
    public IReadOnlyList<string> FilesOf(string prId) =>
        _ordinals.TryGetValue(prId, out var i) ? [.. Files[i].Select(f => Paths[f])] : [];

    /// <summary>
    /// Every PR <paramref name="prId"/> depends on, directly or not, in an order where each comes after
    /// its own dependencies, ending with the PR itself (empty for an unknown id). Unknown dependencies
    /// are skipped; a cycle is cut where it closes.
    /// </summary>
    public IReadOnlyList<string> DependencyChain(string prId)
    {
        if (!_ordinals.TryGetValue(prId, out var start)) return [];
        var chain = new List<string>();
        var state = new byte[Count]; // 0 unseen, 1 on the stack, 2 emitted
        var stack = new Stack<(int Node, int Next)>();
        stack.Push((start, 0));
        state[start] = 1;
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            var deps = Dependencies[node];
            if (next < deps.Length)
            {
                stack.Push((node, next + 1));
                var d = deps[next];
                if (state[d] == 0) { state[d] = 1; stack.Push((d, 0)); }
                continue;
            }
            state[node] = 2;
            chain.Add(Ids[node]);
        }
        return chain;
    }

    /// <summary>Every PR that depends on <paramref name="prId"/>, directly or not, nearest first (breadth-first).</summary>
    public IReadOnlyList<string> DependentsOf(string prId)
    {
        if (!_ordinals.TryGetValue(prId, out var start)) return [];
        var dependents = new List<int>[Count];
        for (var i = 0; i < Count; i++)
            foreach (var d in Dependencies[i]) (dependents[d] ??= []).Add(i);
        var seen = new bool[Count];
        seen[start] = true;
        var result = new List<string>();
        var queue = new Queue<int>([start]);
        while (queue.Count > 0)
            foreach (var w in dependents[queue.Dequeue()] ?? [])
                if (!seen[w]) { seen[w] = true; result.Add(Ids[w]); queue.Enqueue(w); }
        return result;
    }

    /// <summary>Builds the index. PRs without a complexity block count as complexity 1, 10 minutes.</summary>
    public static SchedulingIndex Build(IEnumerable<PullRequest> prs)
    {
        ArgumentNullException.ThrowIfNull(prs);
        var problems = new List<string>();
        var unique = new List<PullRequest>();
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pr in prs)
        {
            if (ordinals.TryAdd(pr.Id, unique.Count)) unique.Add(pr);
            else problems.Add($"{pr.Id} appears more than once; the first one is scheduled");
        }

        var index = new SchedulingIndex([.. unique], ordinals);
        var fileBuffer = new List<int>();
        for (var i = 0; i < unique.Count; i++)
        {
            var pr = unique[i];
            index.Ids[i] = pr.Id;
            index.BaseCold[i] = pr.ColdState;
            index.Scores[i] = Math.Clamp(pr.Score, 1, 10);
            index.Minutes[i] = pr.Complexity?.EstimatedMinutes is > 0 and var m ? m : index.Scores[i] * 10;

            fileBuffer.Clear();
            foreach (var raw in pr.Files)
            {
                var normal = LeasePaths.Normalize(raw);
                string path;
                if (normal.IsValid) path = normal.Path!;
                else
                {
                    // Still compared (as written, slashes unified) so a bad path cannot hide a conflict.
                    problems.Add($"{pr.Id}: file '{raw}' is not a valid lease path: {normal.Error}");
                    path = raw.Trim().Replace('\\', '/');
                    if (path.Length == 0) continue;
                }
                var id = index.Intern(path);
                if (!fileBuffer.Contains(id)) fileBuffer.Add(id);
            }
            index.Files[i] = [.. fileBuffer];

            var deps = new List<int>(pr.Dependencies.Count);
            foreach (var dep in pr.Dependencies)
            {
                if (ordinals.TryGetValue(dep, out var d)) { if (!deps.Contains(d)) deps.Add(d); }
                else index.UnknownDependency[i] ??= dep;
            }
            index.Dependencies[i] = [.. deps];
        }
        index.MarkCycles();
        index.Problems = problems;
        return index;
    }

    /// <summary>Candidate order for the given keys, computed once per distinct order and cached.</summary>
    internal int[] OrderFor(IReadOnlyList<OrderKey> keys)
    {
        var cacheKey = string.Join(',', keys);
        lock (_ordersLock)
        {
            if (_orders.TryGetValue(cacheKey, out var cached)) return cached;
            var order = Enumerable.Range(0, Count).ToArray();
            var prs = (PullRequest[])Prs;
            Array.Sort(order, (a, b) =>
            {
                foreach (var key in keys)
                {
                    var c = key switch
                    {
                        OrderKey.Priority => prs[a].Priority.CompareTo(prs[b].Priority),
                        OrderKey.Complexity => Scores[a].CompareTo(Scores[b]),
                        OrderKey.EstimatedMinutes => Minutes[a].CompareTo(Minutes[b]),
                        _ => string.CompareOrdinal(Ids[a], Ids[b]),
                    };
                    if (c != 0) return c;
                }
                return string.CompareOrdinal(Ids[a], Ids[b]);
            });
            _orders[cacheKey] = order;
            return order;
        }
    }

    private int Intern(string path)
    {
        if (PathIds.TryGetValue(path, out var id)) return id;
        var ancestors = new List<int>();
        foreach (var a in LeasePaths.Ancestors(path)) ancestors.Add(Intern(a));
        id = Paths.Count;
        PathIds[path] = id;
        Paths.Add(path);
        PathAncestors.Add([.. ancestors]);
        PathIsDirectory.Add(path.EndsWith('/'));
        return id;
    }

    // Kahn's algorithm removes every PR not on a cycle path from the dependency side, then again from the
    // dependent side; what is left sits on a cycle (or between two) and can never become available.
    private void MarkCycles()
    {
        var n = Count;
        var pendingDeps = new int[n];
        var dependents = new List<int>[n];
        for (var i = 0; i < n; i++) dependents[i] = [];
        for (var i = 0; i < n; i++)
            foreach (var d in Dependencies[i]) { pendingDeps[i]++; dependents[d].Add(i); }

        var alive = new bool[n];
        Array.Fill(alive, true);
        var queue = new Queue<int>();
        for (var i = 0; i < n; i++) if (pendingDeps[i] == 0) queue.Enqueue(i);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            alive[v] = false;
            foreach (var w in dependents[v]) if (--pendingDeps[w] == 0) queue.Enqueue(w);
        }

        var liveDependents = new int[n];
        for (var i = 0; i < n; i++)
            if (alive[i]) foreach (var w in dependents[i]) if (alive[w]) liveDependents[i]++;
        for (var i = 0; i < n; i++) if (alive[i] && liveDependents[i] == 0) queue.Enqueue(i);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            alive[v] = false;
            foreach (var d in Dependencies[v]) if (alive[d] && --liveDependents[d] == 0) queue.Enqueue(d);
        }

        var members = Enumerable.Range(0, n).Where(i => alive[i]).Select(i => Ids[i]).ToList();
        if (members.Count == 0) return;
        var detail = members.Count <= 6 ? string.Join(", ", members) : $"{string.Join(", ", members.Take(6))} and {members.Count - 6} more";
        for (var i = 0; i < n; i++) if (alive[i]) CycleDetail[i] = detail;
    }
}
