using System.Collections.Immutable;
using Lemegeton.Core.Leases;
using Lemegeton.Core.States;
using Lemegeton.Hub.Events;
using Lemegeton.Protocol.Coordination;

namespace Lemegeton.Hub.Actors;

/// <summary>
/// The coordinator's hot state, changed only by applying persisted events (so replay rebuilds it
/// exactly): live sessions, assignments (PR → session + fencing token), leases (path → session/PR +
/// token), the fencing and session counters, the PRs' cold states, the coordination mode and the cold
/// transitions not yet known to be in git. <see cref="Version"/> counts applied events: a child that
/// decided on a view of this state (scheduler, lease manager) has its decision taken only when the
/// version has not moved since (optimistic concurrency; otherwise it is asked again). The lease table
/// is immutable, so handing it to the lease manager costs nothing.
/// </summary>
public sealed class CoordinatorState
{
    private readonly Dictionary<string, AgentRegistered> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PrAssigned> _assignments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ColdState> _cold = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, PendingCommit> _pending = [];
    private readonly bool _trackCommits;
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly Queue<CoordinationModeSwitched> _modeHistory = new();

    /// <summary>How many mode switches the state (and its snapshots) keeps.</summary>
    public const int ModeHistoryLength = 50;
    private ImmutableDictionary<string, LeaseGranted> _leases = ImmutableDictionary.Create<string, LeaseGranted>(StringComparer.Ordinal);

    /// <param name="trackCommits">True when a git mirror commits cold transitions (they are then pending until committed).</param>
    public CoordinatorState(IEnumerable<KeyValuePair<string, ColdState>> coldStates, bool trackCommits = false)
    {
        _trackCommits = trackCommits;
        foreach (var (id, state) in coldStates) _cold[id] = state;
    }

    public long Version { get; private set; }
    public long FencingCounter { get; private set; }
    public long SessionCounter { get; private set; }
    public long TransitionCounter { get; private set; }
    public CoordinationMode Mode { get; private set; } = CoordinationMode.Distributed;
    /// <summary>An operator paused scheduling: no new work is assigned.</summary>
    public bool Paused { get; private set; }
    public IReadOnlyDictionary<string, AgentRegistered> Agents => _agents;
    public IReadOnlyDictionary<string, PrAssigned> Assignments => _assignments;

    /// <summary>Path → the grant that holds it (one entry per path); an immutable value.</summary>
    public ImmutableDictionary<string, LeaseGranted> Leases => _leases;
    public IReadOnlyDictionary<string, ColdState> ColdStates => _cold;

    /// <summary>Cold transitions not yet known to be in git, in journal order.</summary>
    public IReadOnlyCollection<PendingCommit> PendingCommits => _pending.Values;

    public string NextSessionId() => "session-" + (SessionCounter + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    public long NextFencingToken() => FencingCounter + 1;

    public AgentRegistered? SessionOf(string agentId) => _agents.Values.FirstOrDefault(a => a.AgentId == agentId);

    /// <summary>Failed attempts at a PR since its last cold transition (from <see cref="PrReleased"/> events; kept in snapshots).</summary>
    public int FailuresOf(string prId) => _failures.GetValueOrDefault(prId);

    public int LoadOf(string sessionId) => _assignments.Values.Count(a => a.SessionId == sessionId);

    public IReadOnlyList<string> LeasesOf(string sessionId) => [.. _leases.Where(l => l.Value.SessionId == sessionId).Select(l => l.Key)];

    /// <summary>The first lease held by another session that overlaps one of <paramref name="paths"/>, or null.</summary>
    public (string Path, LeaseGranted Holder)? ConflictFor(string sessionId, IEnumerable<string> paths) => ConflictFor(_leases, sessionId, paths);

    /// <summary>The first lease in <paramref name="leases"/> held by another session that overlaps one of <paramref name="paths"/>, or null.</summary>
    public static (string Path, LeaseGranted Holder)? ConflictFor(IReadOnlyDictionary<string, LeaseGranted> leases, string sessionId, IEnumerable<string> paths)
    {
        foreach (var path in paths)
            foreach (var (held, grant) in leases)
                if (grant.SessionId != sessionId && LeasePaths.Overlaps(path, held)) return (held, grant);
        return null;
    }

    public void Apply(object e)
    {
        Version++;
        switch (e)
        {
            case AgentRegistered r:
                _agents[r.SessionId] = r;
                SessionCounter++;
                break;
            case AgentRemoved r:
                RemoveSession(r.SessionId);
                break;
            case AgentKicked k:
                RemoveSession(k.SessionId);
                break;
            case SchedulingPaused:
                Paused = true;
                break;
            case SchedulingResumed:
                Paused = false;
                break;
            case PrRequeued q:
                EndAssignment(q.PrId);
                break;
            case LeasesForceReleased f:
                _leases = _leases.RemoveRange(f.Files);
                break;
            case PrAssigned a:
                _assignments[a.PrId] = a;
                FencingCounter = Math.Max(FencingCounter, a.FencingToken);
                break;
            case LeaseGranted g:
                _leases = _leases.SetItems(g.Files.Select(f => KeyValuePair.Create(f, g)));
                break;
            case LeasesReleased l:
                if (l.Files.Count == 0) ReleaseWhere(g => g.SessionId == l.SessionId);
                else _leases = _leases.RemoveRange(l.Files.Where(f => _leases.TryGetValue(f, out var g) && g.SessionId == l.SessionId).ToList());
                break;
            case LeasesExpired x:
                _leases = _leases.RemoveRange(x.Files.Where(f => _leases.TryGetValue(f, out var g) && g.SessionId == x.SessionId).ToList());
                break;
            case PrTransitioned t:
                var previous = _cold.TryGetValue(t.PrId, out var before) ? before.ToWire() : null;
                if (StateNames.TryParseCold(t.To, out var cold)) _cold[t.PrId] = cold;
                TransitionCounter++;
                if (_trackCommits) _pending[TransitionCounter] = new PendingCommit(TransitionCounter, t, previous);
                _failures.Remove(t.PrId);
                EndAssignment(t.PrId);
                break;
            case PrReleased r:
                _failures[r.PrId] = _failures.GetValueOrDefault(r.PrId) + 1;
                EndAssignment(r.PrId);
                break;
            case ColdTransitionCommitted c:
                _pending.Remove(c.TransitionId);
                break;
            case CoordinationModeSwitched m:
                Mode = ModeNames.Parse(m.To);
                _modeHistory.Enqueue(m);
                while (_modeHistory.Count > ModeHistoryLength) _modeHistory.Dequeue();
                break;
            case TaskListReloaded t:
                foreach (var id in t.Removed)
                {
                    EndAssignment(id);
                    _cold.Remove(id);
                }
                foreach (var (id, state) in t.AddedColdStates)
                    if (StateNames.TryParseCold(state, out var c)) _cold[id] = c;
                break;
            case CoordinatorSnapshot s:
                Restore(s);
                break;
        }
    }

    public CoordinatorSnapshot ToSnapshot() => new(
        FencingCounter, SessionCounter, [.. _agents.Values], [.. _assignments.Values],
        // A grant keeps only the paths still held (an operator may have released some of them).
        [.. _leases.GroupBy(l => l.Value).Select(g => g.Key.Files.Count == g.Count() ? g.Key : g.Key with { Files = [.. g.Select(l => l.Key).Order(StringComparer.Ordinal)] })],
        _cold.ToDictionary(c => c.Key, c => c.Value.ToWire(), StringComparer.Ordinal),
        ModeNames.ToWire(Mode), TransitionCounter, [.. _pending.Values], Paused,
        new Dictionary<string, int>(_failures, StringComparer.Ordinal), [.. _modeHistory]);

    private void Restore(CoordinatorSnapshot s)
    {
        _agents.Clear(); _assignments.Clear(); _pending.Clear();
        FencingCounter = s.FencingCounter;
        SessionCounter = s.SessionCounter;
        TransitionCounter = s.TransitionCounter;
        Mode = ModeNames.Parse(s.Mode);
        Paused = s.Paused;
        _failures.Clear();
        _modeHistory.Clear();
        foreach (var m in s.ModeHistory ?? []) _modeHistory.Enqueue(m);
        foreach (var (id, n) in s.Failures ?? new Dictionary<string, int>()) _failures[id] = n;
        foreach (var a in s.Agents) _agents[a.SessionId] = a;
        foreach (var a in s.Assignments) _assignments[a.PrId] = a;
        _leases = ImmutableDictionary.CreateRange(StringComparer.Ordinal, s.Leases.SelectMany(g => g.Files.Select(f => KeyValuePair.Create(f, g))));
        foreach (var (id, state) in s.ColdStates)
            if (StateNames.TryParseCold(state, out var cold)) _cold[id] = cold;
        foreach (var p in s.PendingCommits ?? []) _pending[p.Id] = p;
    }

    private void RemoveSession(string sessionId)
    {
        _agents.Remove(sessionId);
        foreach (var pr in _assignments.Where(a => a.Value.SessionId == sessionId).Select(a => a.Key).ToList()) _assignments.Remove(pr);
        ReleaseWhere(g => g.SessionId == sessionId);
    }

    private void EndAssignment(string prId)
    {
        if (_assignments.Remove(prId)) ReleaseWhere(g => g.PrId == prId);
    }

    private void ReleaseWhere(Func<LeaseGranted, bool> match) =>
        _leases = _leases.RemoveRange(_leases.Where(l => match(l.Value)).Select(l => l.Key).ToList());
}
