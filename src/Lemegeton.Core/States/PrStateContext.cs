using Lemegeton.Core.TaskList;

namespace Lemegeton.Core.States;

/// <summary>
/// The task list's PRs as the state machine sees them (states and dependency edges), used to check
/// the dependency guard and to compute cascades. Immutable; <see cref="Apply"/> returns a new one.
/// </summary>
public sealed class PrStateContext
{
    private static readonly IReadOnlyList<string> None = [];
    private readonly Dictionary<string, PrStatus> _prs;
    private readonly Dictionary<string, List<string>> _dependents;

    private PrStateContext(Dictionary<string, PrStatus> prs, Dictionary<string, List<string>> dependents)
    {
        _prs = prs;
        _dependents = dependents;
    }

    /// <summary>Builds the context from PR states; the first of several PRs with one id wins.</summary>
    public static PrStateContext From(IEnumerable<PrStatus> prs)
    {
        var map = new Dictionary<string, PrStatus>(StringComparer.Ordinal);
        foreach (var pr in prs) map.TryAdd(pr.Id, pr);
        return new PrStateContext(map, BuildDependents(map));
    }

    /// <summary>Builds the context from a task list's PRs and the hot states the hub holds.</summary>
    public static PrStateContext From(IEnumerable<PullRequest> prs, IReadOnlyDictionary<string, HotState>? hotStates = null) =>
        From(prs.Select(p => new PrStatus(p.Id, p.ColdState, hotStates?.TryGetValue(p.Id, out var h) == true ? h : null, p.Dependencies)));

    public IEnumerable<PrStatus> Prs => _prs.Values;

    public bool Contains(string id) => _prs.ContainsKey(id);

    public PrStatus? Find(string id) => _prs.GetValueOrDefault(id);

    /// <summary>The PRs that list <paramref name="id"/> as a dependency.</summary>
    public IReadOnlyList<string> DependentsOf(string id) => _dependents.TryGetValue(id, out var d) ? d : None;

    /// <summary>A new context with the given transitions applied (a cold target clears the hot state).</summary>
    public PrStateContext Apply(IEnumerable<CascadedTransition> transitions)
    {
        var map = new Dictionary<string, PrStatus>(_prs, StringComparer.Ordinal);
        foreach (var t in transitions)
        {
            if (!map.TryGetValue(t.PrId, out var pr)) continue;
            map[t.PrId] = t.To.IsCold ? pr with { Cold = t.To.Cold!.Value, Hot = null } : pr with { Hot = t.To.Hot };
        }
        return new PrStateContext(map, _dependents);
    }

    private static Dictionary<string, List<string>> BuildDependents(Dictionary<string, PrStatus> prs)
    {
        var dependents = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pr in prs.Values)
            foreach (var dep in pr.Dependencies.Distinct(StringComparer.Ordinal))
            {
                if (!dependents.TryGetValue(dep, out var list)) dependents[dep] = list = [];
                list.Add(pr.Id);
            }
        return dependents;
    }
}
