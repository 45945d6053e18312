using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Lemegeton.Core.States;
using Lemegeton.Hub.Actors;
using Lemegeton.Hub.Events;

namespace Lemegeton.Hub.Gateway;

/// <summary>
/// Turns what the coordinator publishes into the contract's hub events (docs/gateway.md): a name, a
/// camelCase <c>data</c> object and the correlation context <c>ctx {prId, agentId, runId}</c>, where
/// runId is <c>{prId}@{fencingToken}</c>, the one assignment (run) of a PR the event belongs to. It
/// follows sessions and assignments itself, so that events naming only a session or a PR still carry
/// the agent and the run. Encodes whole NDJSON lines. Used on the link actor's thread only.
/// </summary>
public sealed class GatewayEventMapper(TimeProvider time)
{
    private readonly Dictionary<string, string> _agentOfSession = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string AgentId, long Token)> _runOfPr = new(StringComparer.Ordinal);
    private readonly ArrayBufferWriter<byte> _buffer = new(512);
    private readonly Utf8JsonWriter _writer = new(Stream.Null);

    /// <summary>PR details from the task list, added to every snapshot.</summary>
    public IReadOnlyDictionary<string, GatewayPrInfo> TaskList { get; set; } = new Dictionary<string, GatewayPrInfo>();

    /// <summary>The line of <paramref name="message"/> as event <paramref name="seq"/>, or null when it is not shown to the dashboard.</summary>
    public byte[]? Encode(long seq, object message)
    {
        switch (message)
        {
            case AgentRegistered r:
                _agentOfSession[r.SessionId] = r.AgentId;
                return Event(seq, "event", "agent.joined", null, r.AgentId, null, w =>
                {
                    w.WriteString("agentId", r.AgentId);
                    w.WriteString("type", r.AgentType);
                    w.WriteNull("model");
                    w.WriteNumber("capacity", r.Capacity);
                    w.WriteString("sessionId", r.SessionId);
                });
            case AgentRemoved r:
            {
                var agent = AgentOf(r.SessionId);
                _agentOfSession.Remove(r.SessionId);
                foreach (var pr in _runOfPr.Where(p => p.Value.AgentId == agent).Select(p => p.Key).ToList()) _runOfPr.Remove(pr);
                return Event(seq, "event", "agent.left", null, agent, null, w =>
                {
                    w.WriteString("agentId", agent);
                    w.WriteString("reason", r.Reason);
                    w.WriteString("sessionId", r.SessionId);
                });
            }
            case PrAssigned a:
                _runOfPr[a.PrId] = (a.AgentId, a.FencingToken);
                return Event(seq, "event", "pr.assigned", a.PrId, a.AgentId, Run(a.PrId, a.FencingToken), w =>
                {
                    w.WriteString("prId", a.PrId);
                    w.WriteString("agentId", a.AgentId);
                    w.WriteNumber("fencingToken", a.FencingToken);
                    w.WriteString("hot", a.HotState);
                    w.WriteString("work", a.Work);
                });
            case LeaseGranted g:
            {
                var agent = AgentOf(g.SessionId);
                return Event(seq, "event", "lease.granted", g.PrId, agent, Run(g.PrId, g.FencingToken), w =>
                {
                    w.WriteString("prId", g.PrId);
                    w.WriteString("agentId", agent);
                    w.WriteStartArray("files");
                    foreach (var f in g.Files) w.WriteStringValue(f);
                    w.WriteEndArray();
                    w.WriteNumber("fencingToken", g.FencingToken);
                    w.WriteNull("expiresAt");
                });
            }
            case LeasesReleased l:
            {
                var agent = AgentOf(l.SessionId);
                return Event(seq, "event", "lease.released", null, agent, null, w =>
                {
                    w.WriteString("agentId", agent);
                    w.WriteStartArray("files");
                    foreach (var f in l.Files) w.WriteStringValue(f);
                    w.WriteEndArray();
                });
            }
            case PrTransitioned t:
            {
                var run = _runOfPr.TryGetValue(t.PrId, out var r) ? r : default;
                _runOfPr.Remove(t.PrId);
                var agent = t.AgentId ?? run.AgentId;
                var token = t.FencingToken ?? (run.Token > 0 ? run.Token : null);
                return Event(seq, "event", "pr.transitioned", t.PrId, agent, token is { } k ? Run(t.PrId, k) : null, w =>
                {
                    w.WriteString("prId", t.PrId);
                    w.WriteString("from", t.From);
                    w.WriteString("to", t.To);
                    if (agent is null) w.WriteNull("agentId"); else w.WriteString("agentId", agent);
                    w.WriteString("reason", t.Reason);
                });
            }
            case PrReleased p:
            {
                var run = _runOfPr.TryGetValue(p.PrId, out var r) ? r : default;
                _runOfPr.Remove(p.PrId);
                var agent = run.AgentId ?? AgentOf(p.SessionId);
                return Event(seq, "event", "pr.released", p.PrId, agent, run.Token > 0 ? Run(p.PrId, run.Token) : null, w =>
                {
                    w.WriteString("prId", p.PrId);
                    w.WriteString("agentId", agent);
                    w.WriteString("reason", p.Reason);
                });
            }
            case CoordinatorSnapshot s:
                return Snapshot(seq, s);
            case GitCommitted c:
                return Event(seq, "debug", "git.committed", c.Transition.PrId, c.Transition.AgentId, Run(c.Transition.PrId, c.Transition.FencingToken), w =>
                {
                    w.WriteString("prId", c.Transition.PrId);
                    w.WriteString("to", c.Transition.To.ToWire());
                    if (c.Commit is null) w.WriteNull("commit"); else w.WriteString("commit", c.Commit);
                });
            case GitCommitFailed f:
                return Event(seq, "debug", "git.commit-failed", f.Transition.PrId, f.Transition.AgentId, Run(f.Transition.PrId, f.Transition.FencingToken), w =>
                {
                    w.WriteString("prId", f.Transition.PrId);
                    w.WriteString("to", f.Transition.To.ToWire());
                    w.WriteString("error", f.Error.Message);
                });
            default:
                return ByConvention(seq, message);
        }
    }

    /// <summary>The <c>ipc.dropped</c> line announcing that seqs <paramref name="first"/>..<paramref name="last"/> were lost; it carries seq <paramref name="last"/>.</summary>
    public byte[] Dropped(long first, long last) => Event(last, "event", "ipc.dropped", null, null, null, w =>
    {
        w.WriteNumber("firstSeq", first);
        w.WriteNumber("lastSeq", last);
        w.WriteNumber("count", last - first + 1);
    });

    /// <summary>
    /// Events other helpers add to the coordinator (mode changes, pause/resume), recognised by type
    /// name so the link needs no change when they appear: <c>ModeChanged</c> → <c>mode.changed</c>
    /// {from, to, reason}; <c>SchedulingPaused</c>/<c>SchedulingResumed</c> → <c>scheduling.paused</c>/<c>resumed</c> {by}.
    /// </summary>
    private byte[]? ByConvention(long seq, object message)
    {
        var type = message.GetType();
        string? Prop(string name) => type.GetProperty(name)?.GetValue(message)?.ToString();
        return type.Name switch
        {
            "ModeChanged" or "CoordinationModeChanged" => Event(seq, "event", "mode.changed", null, null, null, w =>
            {
                w.WriteString("from", Prop("From")?.ToLowerInvariant());
                w.WriteString("to", Prop("To")?.ToLowerInvariant());
                w.WriteString("reason", Prop("Reason"));
            }),
            "SchedulingPaused" => Event(seq, "event", "scheduling.paused", null, null, null, w => w.WriteString("by", Prop("By"))),
            "SchedulingResumed" => Event(seq, "event", "scheduling.resumed", null, null, null, w => w.WriteString("by", Prop("By"))),
            _ => null,
        };
    }

    private byte[] Snapshot(long seq, CoordinatorSnapshot s)
    {
        _agentOfSession.Clear();
        foreach (var a in s.Agents) _agentOfSession[a.SessionId] = a.AgentId;
        _runOfPr.Clear();
        foreach (var a in s.Assignments) _runOfPr[a.PrId] = (a.AgentId, a.FencingToken);
        var assignments = s.Assignments.ToDictionary(a => a.PrId, StringComparer.Ordinal);
        return Event(seq, "event", "hub.snapshot", null, null, null, w =>
        {
            w.WriteStartArray("prs");
            var ids = s.ColdStates.Keys.Concat(TaskList.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            foreach (var id in ids)
            {
                TaskList.TryGetValue(id, out var info);
                assignments.TryGetValue(id, out var assigned);
                w.WriteStartObject();
                w.WriteString("id", id);
                w.WriteString("title", info?.Title ?? id);
                w.WriteString("cold", s.ColdStates.TryGetValue(id, out var cold) ? cold : "new");
                if (assigned is null) { w.WriteNull("hot"); w.WriteNull("agent"); }
                else { w.WriteString("hot", assigned.HotState); w.WriteString("agent", assigned.AgentId); }
                w.WriteStartArray("dependencies");
                foreach (var d in info?.Dependencies ?? []) w.WriteStringValue(d);
                w.WriteEndArray();
                w.WriteStartArray("files");
                foreach (var f in info?.Files ?? []) w.WriteStringValue(f);
                w.WriteEndArray();
                if (info?.Complexity is { } c) w.WriteNumber("complexity", c); else w.WriteNull("complexity");
                if (info?.Priority is { } p) w.WriteString("priority", p); else w.WriteNull("priority");
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("agents");
            foreach (var a in s.Agents)
            {
                var working = s.Assignments.FirstOrDefault(x => x.SessionId == a.SessionId);
                w.WriteStartObject();
                w.WriteString("id", a.AgentId);
                w.WriteString("type", a.AgentType);
                w.WriteNull("model");
                w.WriteString("state", working is null ? "idle" : "working");
                if (working is null) w.WriteNull("pr"); else w.WriteString("pr", working.PrId);
                w.WriteNull("lastHeartbeat");
                w.WriteNumber("capacity", a.Capacity);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("leases");
            foreach (var g in s.Leases)
                foreach (var f in g.Files)
                {
                    w.WriteStartObject();
                    w.WriteString("file", f);
                    w.WriteString("agent", AgentOf(g.SessionId));
                    w.WriteString("pr", g.PrId);
                    w.WriteNumber("fencingToken", g.FencingToken);
                    w.WriteNull("expiresAt");
                    w.WriteEndObject();
                }
            w.WriteEndArray();
        });
    }

    private string AgentOf(string sessionId) => _agentOfSession.TryGetValue(sessionId, out var a) ? a : sessionId;

    private static string? Run(string prId, long? token) => token is { } t ? prId + "@" + t.ToString(CultureInfo.InvariantCulture) : null;

    private byte[] Event(long seq, string type, string name, string? prId, string? agentId, string? runId, Action<Utf8JsonWriter> data)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        var w = _writer;
        w.WriteStartObject();
        w.WriteString("type", type);
        w.WriteNumber("seq", seq);
        w.WriteString("name", name);
        w.WriteNumber("ts", time.GetUtcNow().ToUnixTimeMilliseconds());
        w.WriteStartObject("data");
        data(w);
        w.WriteEndObject();
        w.WriteStartObject("ctx");
        if (prId is null) w.WriteNull("prId"); else w.WriteString("prId", prId);
        if (agentId is null) w.WriteNull("agentId"); else w.WriteString("agentId", agentId);
        if (runId is null) w.WriteNull("runId"); else w.WriteString("runId", runId);
        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
        var line = new byte[_buffer.WrittenCount + 1];
        _buffer.WrittenSpan.CopyTo(line);
        line[^1] = (byte)'\n';
        return line;
    }
}
