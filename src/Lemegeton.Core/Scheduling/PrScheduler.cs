using Lemegeton.Core.Leases;
using Lemegeton.Core.States;

namespace Lemegeton.Core.Scheduling;

/// <summary>
/// Decides which PRs start now: a greedy maximal independent set over the conflict graph of available
/// PRs, where a PR also conflicts with the files of running PRs and with live leases (the reference
/// ignored running work, spec §7.4), assigned to agents by type, capability and model tier.
/// </summary>
/// <remarks>
/// Candidates are walked once in the configured order. Each is checked, in this order, for dependency
/// problems, file conflicts (against held paths, held ancestor directories, and — for a directory — held
/// paths under it), the parallel cap, and a fitting agent; the first PR that passes every check starts and
/// its files become held. The selection is therefore maximal: every waiting PR fails one of these checks.
/// The conflict check uses per-path stamps instead of a pairwise graph, so a decision costs about one
/// array lookup per candidate path and ancestor. One instance keeps scratch space between decisions:
/// calls are serialised.
/// </remarks>
public sealed class PrScheduler
{
    private readonly SchedulingIndex _index;
    private readonly SchedulerOptions _options;
    private readonly int[][] _ancestors;
    private readonly string[] _paths;

    // Per-PR data laid out in candidate order ("position"), so a decision walks memory sequentially.
    private readonly int[] _ordinalAt, _positionOf;
    private readonly string[] _idAt;
    private readonly ColdState[] _baseColdAt;
    private readonly int[] _scoreAt;
    private readonly int[] _fileStart, _fileIds;   // files of position p: _fileIds[_fileStart[p] .. _fileStart[p + 1]]
    private readonly int[] _depStart, _depPositions;
    private readonly bool[] _isDirectory;
    private readonly Lock _gate = new();

    private readonly int[] _heldStamp, _heldBy, _underStamp, _underBy;
    private readonly int[] _runStamp, _runIndex;
    private readonly ColdState[] _cold;
    private readonly List<Holder> _holders = [];
    private int _stamp;
    private int _roundRobin;

    public PrScheduler(SchedulingIndex index, SchedulerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        _index = index;
        _options = options ?? new SchedulerOptions();
        if (_options.MaxParallelPrs < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxParallelPrs must be at least 1.");
        _ordinalAt = index.OrderFor(_options.Order);
        var n = index.Count;
        _positionOf = new int[n];
        for (var p = 0; p < n; p++) _positionOf[_ordinalAt[p]] = p;
        _idAt = new string[n];
        _baseColdAt = new ColdState[n];
        _scoreAt = new int[n];
        _fileStart = new int[n + 1];
        _depStart = new int[n + 1];
        var files = new List<int>();
        var deps = new List<int>();
        for (var p = 0; p < n; p++)
        {
            var o = _ordinalAt[p];
            _idAt[p] = index.Ids[o];
            _baseColdAt[p] = index.BaseCold[o];
            _scoreAt[p] = index.Scores[o];
            _fileStart[p] = files.Count;
            files.AddRange(index.Files[o]);
            _depStart[p] = deps.Count;
            foreach (var d in index.Dependencies[o]) deps.Add(_positionOf[d]);
        }
        _fileStart[n] = files.Count;
        _depStart[n] = deps.Count;
        _fileIds = [.. files];
        _depPositions = [.. deps];
        _ancestors = [.. index.PathAncestors];
        _isDirectory = [.. index.PathIsDirectory];
        _paths = [.. index.Paths];
        var paths = index.Paths.Count;
        _heldStamp = new int[paths]; _heldBy = new int[paths];
        _underStamp = new int[paths]; _underBy = new int[paths];
        _runStamp = new int[index.Count]; _runIndex = new int[index.Count];
        _cold = new ColdState[index.Count];
    }

    public SchedulingIndex Index => _index;
    public SchedulerOptions Options => _options;

    /// <summary>Takes one decision over <paramref name="snapshot"/>. Pure apart from the round-robin position.</summary>
    public ScheduleDecision Decide(SchedulingSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_gate) return DecideLocked(snapshot);
    }

    private ScheduleDecision DecideLocked(SchedulingSnapshot snapshot)
    {
        NextStamp();
        var stamp = _stamp;
        var cold = _cold;
        Array.Copy(_baseColdAt, cold, cold.Length);
        foreach (var (id, state) in snapshot.ColdStates)
            if (_index.TryGetOrdinal(id, out var o)) cold[_positionOf[o]] = state;

        var runningIds = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < snapshot.Running.Count; k++)
        {
            var r = snapshot.Running[k];
            if (!runningIds.Add(r.PrId) || !_index.TryGetOrdinal(r.PrId, out var o)) continue;
            var p = _positionOf[o];
            _runStamp[p] = stamp;
            _runIndex[p] = k;
            for (var f = _fileStart[p]; f < _fileStart[p + 1]; f++) Hold(_fileIds[f], ConflictHolderKind.RunningPr, r.PrId, r.AgentId);
        }
        foreach (var lease in snapshot.Leases) HoldLease(lease);

        var agents = new AgentPool(snapshot.Agents);
        var assignments = new List<Assignment>();
        var waiting = new List<WaitingPr>(CountCandidates(cold) + 1);
        var running = runningIds.Count;

        for (var p = 0; p < cold.Length; p++)
        {
            var state = cold[p];
            if (state == ColdState.Approved || _runStamp[p] == stamp) continue;
            var id = _idAt[p];

            WorkMask work;
            if (_index.CycleDetail[_ordinalAt[p]] is { } cycle)
            {
                waiting.Add(new(id, new WaitReason { Kind = WaitKind.DependencyCycle, Detail = cycle }));
                continue;
            }
            if (state == ColdState.Completed) work = WorkMask.QualityCheck | WorkMask.Review;
            else
            {
                if (_depStart[p] != _depStart[p + 1] || _index.UnknownDependency[_ordinalAt[p]] is not null)
                {
                    var depWait = DependencyWait(p, snapshot);
                    if (depWait.HasValue) { waiting.Add(new(id, depWait.Value)); continue; }
                }
                work = state switch
                {
                    ColdState.Blocked => WorkMask.None,
                    ColdState.Planned => WorkMask.Implementation,
                    ColdState.Ready => agents.HasType(WorkKind.Planning) ? WorkMask.Planning : WorkMask.Implementation,
                    _ => WorkMask.Planning,
                };
                if (work == WorkMask.None)
                {
                    waiting.Add(new(id, new WaitReason { Kind = WaitKind.Blocked }));
                    continue;
                }
            }

            var conflict = ConflictOf(p);
            if (conflict >= 0) { waiting.Add(new(id, Conflict(conflict))); continue; }

            if (running + assignments.Count >= _options.MaxParallelPrs)
            {
                waiting.Add(new(id, new WaitReason { Kind = WaitKind.ParallelLimit, Number = _options.MaxParallelPrs }));
                continue;
            }

            var score = _scoreAt[p];
            var pick = agents.Pick(work, score, _index.Prs[_ordinalAt[p]], _options.Strategy, ref _roundRobin, out var agentWait);
            if (pick is not { } chosen) { waiting.Add(new(id, agentWait)); continue; }

            var agent = snapshot.Agents[chosen.Agent];
            var capability = agent.EffectiveCapability;
            assignments.Add(new Assignment(id, agent.Id, agent.Type, chosen.Tier, chosen.Work, score, score * capability.MinutesPerPoint));
            for (var f = _fileStart[p]; f < _fileStart[p + 1]; f++) Hold(_fileIds[f], ConflictHolderKind.StartingPr, id, agent.Id);
        }

        return new ScheduleDecision(assignments, waiting) { RunningCount = running };
    }

    private static int CountCandidates(ColdState[] cold)
    {
        var count = 0;
        foreach (var state in cold) if (state != ColdState.Approved) count++;
        return count;
    }

    private WaitReason? DependencyWait(int p, SchedulingSnapshot snapshot)
    {
        if (_index.UnknownDependency[_ordinalAt[p]] is { } unknown)
            return new WaitReason { Kind = WaitKind.DependencyUnknown, OtherPrId = unknown };
        for (var i = _depStart[p]; i < _depStart[p + 1]; i++)
        {
            var d = _depPositions[i];
            if (_cold[d].IsDone()) continue;
            var state = _runStamp[d] == _stamp ? snapshot.Running[_runIndex[d]].HotState.ToWire() : _cold[d].ToWire();
            return new WaitReason { Kind = WaitKind.DependencyPending, OtherPrId = _idAt[d], OtherState = state };
        }
        return null;
    }

    /// <summary>The first conflict of position <paramref name="p"/>, packed as (holder &lt;&lt; 32 | path id), or -1.</summary>
    private long ConflictOf(int p)
    {
        var stamp = _stamp;
        for (var i = _fileStart[p]; i < _fileStart[p + 1]; i++)
        {
            var f = _fileIds[i];
            if (_heldStamp[f] == stamp) return Pack(_heldBy[f], f);
            foreach (var a in _ancestors[f])
                if (_heldStamp[a] == stamp) return Pack(_heldBy[a], f);
            if (_isDirectory[f] && _underStamp[f] == stamp) return Pack(_underBy[f], f);
        }
        return -1;
    }

    private static long Pack(int holder, int pathId) => ((long)holder << 32) | (uint)pathId;

    private WaitReason Conflict(long packed)
    {
        var h = _holders[(int)(packed >> 32)];
        var pathId = (int)(uint)packed;
        return new WaitReason
        {
            Kind = WaitKind.FileConflict, Holder = h.Kind, OtherPrId = h.PrId, AgentId = h.AgentId,
            Path = _paths[pathId], HeldPath = h.Path,
        };
    }

    private void Hold(int pathId, ConflictHolderKind kind, string? prId, string agentId)
    {
        var h = _holders.Count;
        _holders.Add(new Holder(kind, prId, agentId, _paths[pathId]));
        MarkHeld(pathId, h);
    }

    private void MarkHeld(int pathId, int holder)
    {
        if (_heldStamp[pathId] != _stamp) { _heldStamp[pathId] = _stamp; _heldBy[pathId] = holder; }
        foreach (var a in _ancestors[pathId]) MarkUnder(a, holder);
    }

    private void MarkUnder(int pathId, int holder)
    {
        if (_underStamp[pathId] != _stamp) { _underStamp[pathId] = _stamp; _underBy[pathId] = holder; }
    }

    private void HoldLease(LiveLease lease)
    {
        var path = lease.Path;
        if (!_index.PathIds.TryGetValue(path, out var id))
        {
            var normal = LeasePaths.Normalize(path);
            if (!normal.IsValid) return;
            path = normal.Path!;
            if (!_index.PathIds.TryGetValue(path, out id)) id = -1;
        }
        var h = _holders.Count;
        _holders.Add(new Holder(ConflictHolderKind.Lease, lease.PrId, lease.AgentId, path));
        if (id >= 0) { MarkHeld(id, h); return; }

        // A path no PR names can still contain candidate paths (as a directory) or lie under a candidate
        // directory: mark every known ancestor as having something held under it.
        var span = path.AsSpan();
        var end = path.EndsWith('/') ? path.Length - 1 : path.Length;
        for (var i = 0; i < end; i++)
            if (span[i] == '/' && _index.PathLookup.TryGetValue(span[..(i + 1)], out var ancestor)) MarkUnder(ancestor, h);
        // An unknown directory contains no candidate path: each candidate's ancestors are interned.
    }

    private void NextStamp()
    {
        if (_stamp == int.MaxValue)
        {
            Array.Clear(_heldStamp); Array.Clear(_underStamp); Array.Clear(_runStamp);
            _stamp = 0;
        }
        _stamp++;
        _holders.Clear();
    }

    private readonly record struct Holder(ConflictHolderKind Kind, string? PrId, string AgentId, string Path);
}
