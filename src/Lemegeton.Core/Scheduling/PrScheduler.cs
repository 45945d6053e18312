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
    private readonly int[] _order;
    private readonly int[][] _ancestors;
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
        _order = index.OrderFor(_options.Order);
        _ancestors = [.. index.PathAncestors];
        _isDirectory = [.. index.PathIsDirectory];
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
        Array.Copy(_index.BaseCold, _cold, _cold.Length);
        foreach (var (id, state) in snapshot.ColdStates)
            if (_index.TryGetOrdinal(id, out var o)) _cold[o] = state;

        var runningIds = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < snapshot.Running.Count; k++)
        {
            var r = snapshot.Running[k];
            if (!runningIds.Add(r.PrId) || !_index.TryGetOrdinal(r.PrId, out var o)) continue;
            _runStamp[o] = stamp;
            _runIndex[o] = k;
            foreach (var f in _index.Files[o]) Hold(f, ConflictHolderKind.RunningPr, r.PrId, r.AgentId);
        }
        foreach (var lease in snapshot.Leases) HoldLease(lease);

        var agents = new AgentPool(snapshot.Agents);
        var assignments = new List<Assignment>();
        var waiting = new List<WaitingPr>(_index.Count);
        var running = runningIds.Count;
        var ids = _index.Ids;

        foreach (var o in _order)
        {
            if (_runStamp[o] == stamp) continue;
            var state = _cold[o];
            if (state == ColdState.Approved) continue;
            var id = ids[o];

            if (_index.CycleDetail[o] is { } cycle)
            {
                waiting.Add(new(id, new WaitReason { Kind = WaitKind.DependencyCycle, Detail = cycle }));
                continue;
            }

            WorkMask work;
            if (state == ColdState.Completed) work = WorkMask.QualityCheck | WorkMask.Review;
            else
            {
                if (DependencyWait(o, snapshot) is { } depWait) { waiting.Add(new(id, depWait)); continue; }
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

            if (ConflictOf(o) is { } conflict) { waiting.Add(new(id, conflict)); continue; }

            if (running + assignments.Count >= _options.MaxParallelPrs)
            {
                waiting.Add(new(id, new WaitReason { Kind = WaitKind.ParallelLimit, Number = _options.MaxParallelPrs }));
                continue;
            }

            var score = _index.Scores[o];
            var pick = agents.Pick(work, score, _index.Prs[o], _options.Strategy, ref _roundRobin, out var agentWait);
            if (pick is not { } chosen) { waiting.Add(new(id, agentWait)); continue; }

            var agent = snapshot.Agents[chosen.Agent];
            var capability = agent.EffectiveCapability;
            assignments.Add(new Assignment(id, agent.Id, agent.Type, chosen.Tier, chosen.Work, score, score * capability.MinutesPerPoint));
            foreach (var f in _index.Files[o]) Hold(f, ConflictHolderKind.StartingPr, id, agent.Id);
        }

        return new ScheduleDecision(assignments, waiting) { RunningCount = running };
    }

    private WaitReason? DependencyWait(int o, SchedulingSnapshot snapshot)
    {
        if (_index.UnknownDependency[o] is { } unknown)
            return new WaitReason { Kind = WaitKind.DependencyUnknown, OtherPrId = unknown };
        foreach (var d in _index.Dependencies[o])
        {
            if (_cold[d].IsDone()) continue;
            var state = _runStamp[d] == _stamp ? snapshot.Running[_runIndex[d]].HotState.ToWire() : _cold[d].ToWire();
            return new WaitReason { Kind = WaitKind.DependencyPending, OtherPrId = _index.Ids[d], OtherState = state };
        }
        return null;
    }

    private WaitReason? ConflictOf(int o)
    {
        foreach (var f in _index.Files[o])
        {
            if (_heldStamp[f] == _stamp) return Conflict(_heldBy[f], f);
            foreach (var a in _ancestors[f])
                if (_heldStamp[a] == _stamp) return Conflict(_heldBy[a], f);
            if (_isDirectory[f] && _underStamp[f] == _stamp) return Conflict(_underBy[f], f);
        }
        return null;
    }

    private WaitReason Conflict(int holderIndex, int pathId)
    {
        var h = _holders[holderIndex];
        return new WaitReason
        {
            Kind = WaitKind.FileConflict, Holder = h.Kind, OtherPrId = h.PrId, AgentId = h.AgentId,
            Path = _index.Paths[pathId], HeldPath = h.Path,
        };
    }

    private void Hold(int pathId, ConflictHolderKind kind, string? prId, string agentId)
    {
        var h = _holders.Count;
        _holders.Add(new Holder(kind, prId, agentId, _index.Paths[pathId]));
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
