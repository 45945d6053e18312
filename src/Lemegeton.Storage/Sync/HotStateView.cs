using System.Text.Json;
using Lemegeton.Core.States;
using Lemegeton.Storage.Journal;

namespace Lemegeton.Storage.Sync;

/// <summary>
/// Hot state rebuilt from journal events: registered agents, PRs in hot states, leases. Apply
/// events in sequence order; take a snapshot with <see cref="ToSnapshot"/> and start from it
/// with <see cref="FromSnapshot"/>. Not thread-safe: one owner (the state-sync actor) uses it.
/// </summary>
public sealed class HotStateView
{
    private readonly HashSet<string> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HotPr> _prs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HeldLease> _leases = new(StringComparer.Ordinal);

    /// <summary>Sequence number of the last event applied.</summary>
    public long LastSeq { get; private set; }

    public IReadOnlyCollection<string> Agents => _agents;
    public IReadOnlyDictionary<string, HotPr> Prs => _prs;
    public IReadOnlyDictionary<string, HeldLease> Leases => _leases;

    /// <summary>Applies one event; unknown event types are skipped (a newer hub may write more).</summary>
    public void Apply(JournalRecord record)
    {
        var e = record.Event;
        var ctx = StorageJsonContext.Default;
        switch (e.Type)
        {
            case JournalEventTypes.AgentRegistered:
                _agents.Add(e.DataAs(ctx.AgentRegisteredData).AgentId);
                break;
            case JournalEventTypes.AgentRemoved:
                _agents.Remove(e.DataAs(ctx.AgentRemovedData).AgentId);
                break;
            case JournalEventTypes.PrAssigned:
            {
                var d = e.DataAs(ctx.PrAssignedData);
                var state = StateNames.TryParseHot(d.HotState, out var h) ? h : HotState.Investigating;
                _prs[d.PrId] = new HotPr(d.PrId, state, d.AgentId, e.Time);
                break;
            }
            case JournalEventTypes.PrTransitioned:
            {
                var d = e.DataAs(ctx.PrTransitionedData);
                if (StateNames.TryParseHot(d.To, out var hot))
                    _prs[d.PrId] = new HotPr(d.PrId, hot, d.AgentId ?? (_prs.TryGetValue(d.PrId, out var p) ? p.AgentId : null), e.Time);
                else
                    _prs.Remove(d.PrId);
                break;
            }
            case JournalEventTypes.HotStateCleared:
                _prs.Remove(e.DataAs(ctx.HotStateClearedData).PrId);
                break;
            case JournalEventTypes.LeaseGranted:
            {
                var d = e.DataAs(ctx.LeaseGrantedData);
                foreach (var f in d.Files) _leases[f] = new HeldLease(f, d.AgentId, d.PrId, d.FencingToken);
                break;
            }
            case JournalEventTypes.LeaseReleased:
            {
                var d = e.DataAs(ctx.LeaseReleasedData);
                foreach (var f in d.Files)
                    if (_leases.TryGetValue(f, out var l) && l.AgentId == d.AgentId) _leases.Remove(f);
                break;
            }
        }
        LastSeq = Math.Max(LastSeq, record.Seq);
    }

    public JournalSnapshot ToSnapshot(DateTimeOffset time)
    {
        var state = new HotStateSnapshot(
            [.. _agents.Order(StringComparer.Ordinal)],
            [.. _prs.Values.OrderBy(p => p.PrId, StringComparer.Ordinal).Select(p => new HotStateSnapshot.Pr(p.PrId, p.State.ToWire(), p.AgentId, p.Since))],
            [.. _leases.Values.OrderBy(l => l.Path, StringComparer.Ordinal)]);
        return new JournalSnapshot(LastSeq, time, JsonSerializer.SerializeToElement(state, StorageJsonContext.Default.HotStateSnapshot));
    }

    public static HotStateView FromSnapshot(JournalSnapshot? snapshot)
    {
        var view = new HotStateView();
        if (snapshot is null) return view;
        var state = snapshot.State.Deserialize(StorageJsonContext.Default.HotStateSnapshot);
        if (state is null) return view;
        foreach (var a in state.Agents) view._agents.Add(a);
        foreach (var p in state.Prs)
            if (StateNames.TryParseHot(p.State, out var h)) view._prs[p.PrId] = new HotPr(p.PrId, h, p.AgentId, p.Since);
        foreach (var l in state.Leases) view._leases[l.Path] = l;
        view.LastSeq = snapshot.Seq;
        return view;
    }
}

internal sealed record HotStateSnapshot(IReadOnlyList<string> Agents, IReadOnlyList<HotStateSnapshot.Pr> Prs, IReadOnlyList<HeldLease> Leases)
{
    internal sealed record Pr(string PrId, string State, string? AgentId, DateTimeOffset Since);
}
