using Lemegeton.Core.Leases;
using Lemegeton.Core.States;
using Lemegeton.Hub.Events;

namespace Lemegeton.Hub.Actors;

/// <summary>
/// The coordinator's hot state, changed only by applying persisted events (so replay rebuilds it
/// exactly): live sessions, assignments (PR → session + fencing token), leases (path → session/PR +
/// token), the fencing and session counters, and the PRs' cold states. The lease table lives here
/// rather than in a separate LeaseManager actor: every lease decision needs the assignments, and a
/// second actor would only add a round trip.
/// </summary>
public sealed class CoordinatorState
{
    private readonly Dictionary<string, AgentRegistered> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PrAssigned> _assignments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LeaseGranted> _leases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ColdState> _cold = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);

    public CoordinatorState(IEnumerable<KeyValuePair<string, ColdState>> coldStates)
    {
        foreach (var (id, state) in coldStates) _cold[id] = state;
    }

    public long FencingCounter { get; private set; }
    public long SessionCounter { get; private set; }
    public IReadOnlyDictionary<string, AgentRegistered> Agents => _agents;
    public IReadOnlyDictionary<string, PrAssigned> Assignments => _assignments;
    /// <summary>Path → the grant that holds it (one entry per path).</summary>
    public IReadOnlyDictionary<string, LeaseGranted> Leases => _leases;
    public IReadOnlyDictionary<string, ColdState> ColdStates => _cold;

    public string NextSessionId() => "session-" + (SessionCounter + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    public long NextFencingToken() => FencingCounter + 1;

    public AgentRegistered? SessionOf(string agentId) => _agents.Values.FirstOrDefault(a => a.AgentId == agentId);

    /// <summary>Failed attempts at a PR since its last cold transition (from <see cref="PrReleased"/> events; not in snapshots).</summary>
    public int FailuresOf(string prId) => _failures.GetValueOrDefault(prId);

    public int LoadOf(string sessionId) => _assignments.Values.Count(a => a.SessionId == sessionId);

    /// <summary>The first lease held by another session that overlaps one of <paramref name="paths"/>, or null.</summary>
    public (string Path, LeaseGranted Holder)? ConflictFor(string sessionId, IEnumerable<string> paths)
    {
        foreach (var path in paths)
            foreach (var (held, grant) in _leases)
                if (grant.SessionId != sessionId && LeasePaths.Overlaps(path, held)) return (held, grant);
        return null;
    }

    public void Apply(object e)
    {
        switch (e)
        {
            case AgentRegistered r:
                _agents[r.SessionId] = r;
                SessionCounter++;
                break;
            case AgentRemoved r:
                _agents.Remove(r.SessionId);
                foreach (var pr in _assignments.Where(a => a.Value.SessionId == r.SessionId).Select(a => a.Key).ToList()) _assignments.Remove(pr);
                ReleaseAll(r.SessionId);
                break;
            case PrAssigned a:
                _assignments[a.PrId] = a;
                FencingCounter = Math.Max(FencingCounter, a.FencingToken);
                break;
            case LeaseGranted g:
                foreach (var f in g.Files) _leases[f] = g;
                break;
            case LeasesReleased l:
                if (l.Files.Count == 0) ReleaseAll(l.SessionId);
                else foreach (var f in l.Files)
                    if (_leases.TryGetValue(f, out var g) && g.SessionId == l.SessionId) _leases.Remove(f);
                break;
            case PrTransitioned t:
                if (StateNames.TryParseCold(t.To, out var cold)) _cold[t.PrId] = cold;
                _failures.Remove(t.PrId);
                if (_assignments.Remove(t.PrId))
                    foreach (var f in _leases.Where(l => l.Value.PrId == t.PrId).Select(l => l.Key).ToList()) _leases.Remove(f);
                break;
            case PrReleased r:
                _failures[r.PrId] = _failures.GetValueOrDefault(r.PrId) + 1;
                if (_assignments.Remove(r.PrId))
                    foreach (var f in _leases.Where(l => l.Value.PrId == r.PrId).Select(l => l.Key).ToList()) _leases.Remove(f);
                break;
            case CoordinatorSnapshot s:
                Restore(s);
                break;
        }
    }

    public CoordinatorSnapshot ToSnapshot() => new(
        FencingCounter, SessionCounter, [.. _agents.Values], [.. _assignments.Values], [.. _leases.Values.Distinct()],
        _cold.ToDictionary(c => c.Key, c => c.Value.ToWire(), StringComparer.Ordinal));

    private void Restore(CoordinatorSnapshot s)
    {
        _agents.Clear(); _assignments.Clear(); _leases.Clear();
        FencingCounter = s.FencingCounter;
        SessionCounter = s.SessionCounter;
        foreach (var a in s.Agents) _agents[a.SessionId] = a;
        foreach (var a in s.Assignments) _assignments[a.PrId] = a;
        foreach (var g in s.Leases) foreach (var f in g.Files) _leases[f] = g;
        foreach (var (id, state) in s.ColdStates)
            if (StateNames.TryParseCold(state, out var cold)) _cold[id] = cold;
    }

    private void ReleaseAll(string sessionId)
    {
        foreach (var f in _leases.Where(l => l.Value.SessionId == sessionId).Select(l => l.Key).ToList()) _leases.Remove(f);
    }
}
