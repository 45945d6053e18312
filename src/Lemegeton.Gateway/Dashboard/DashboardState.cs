using System.Text.Json;

namespace Lemegeton.Gateway.Dashboard;

/// <summary>
/// The gateway's picture of the hub (the contract's State), kept by applying the hub's events in
/// seq order; <c>hub.snapshot</c> replaces it. Not thread-safe: <see cref="GatewayRouter"/> holds its lock.
/// </summary>
internal sealed class DashboardState(int eventHistory)
{
    private static readonly HashSet<string> DoneStates = new(StringComparer.Ordinal) { "completed", "approved" };
    private readonly Dictionary<string, DashboardPr> _prs = new(StringComparer.Ordinal);
    private readonly List<DashboardPr> _prOrder = [];
    private readonly Dictionary<string, DashboardAgent> _agents = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, DashboardLease> _leases = new(StringComparer.Ordinal);
    private readonly List<ModeChange> _modeHistory = [];
    private readonly Queue<byte[]> _events = new();
    private readonly Queue<long> _doneAt = new();

    public bool HubConnected { get; set; }
    public string? HubId { get; set; }
    public long? HubSince { get; set; }
    public bool Paused { get; private set; }
    public string Mode { get; private set; } = "distributed";

    /// <summary>Remembers an event frame for the state's <c>events</c> list (the newest <c>eventHistory</c>).</summary>
    public void Remember(byte[] frame)
    {
        if (eventHistory == 0) return;
        _events.Enqueue(frame);
        while (_events.Count > eventHistory) _events.Dequeue();
    }

    /// <summary>Applies one hub event; unknown names change nothing (they are still shown in the log).</summary>
    public void Apply(string name, long ts, JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object && name != "hub.snapshot") return;
        switch (name)
        {
            case "hub.snapshot": Replace(data); break;
            case "pr.assigned":
            {
                var pr = Pr(Str(data, "prId"));
                if (pr is null) break;
                pr.Hot = Str(data, "hot") ?? pr.Hot;
                pr.Agent = Str(data, "agentId");
                if (pr.Agent is { } a) { var agent = Agent(a); agent.State = "working"; agent.Pr = pr.Id; }
                break;
            }
            case "pr.transitioned":
            {
                var pr = Pr(Str(data, "prId"));
                if (pr is null) break;
                var to = Str(data, "to");
                if (to is not null)
                {
                    if (DoneStates.Contains(to) && !DoneStates.Contains(pr.Cold)) _doneAt.Enqueue(ts);
                    pr.Cold = to;
                }
                EndAssignment(pr);
                break;
            }
            case "pr.released":
            {
                if (Pr(Str(data, "prId")) is { } pr) EndAssignment(pr);
                break;
            }
            case "agent.joined":
            {
                if (Str(data, "agentId") is not { } id) break;
                var agent = Agent(id);
                agent.Type = Str(data, "type") ?? agent.Type;
                agent.Model = Str(data, "model");
                agent.State = "idle";
                agent.Pr = null;
                agent.LastHeartbeat = ts;
                break;
            }
            case "agent.left":
            {
                if (Str(data, "agentId") is not { } id) break;
                _agents.Remove(id);
                foreach (var pr in _prOrder) if (pr.Agent == id) { pr.Agent = null; pr.Hot = null; }
                foreach (var file in _leases.Where(l => l.Value.Agent == id).Select(l => l.Key).ToList()) _leases.Remove(file);
                break;
            }
            case "agent.heartbeat":
            {
                if (Str(data, "agentId") is not { } id) break;
                var agent = Agent(id);
                agent.LastHeartbeat = ts;
                agent.State = Str(data, "state") ?? agent.State;
                agent.Pr = Str(data, "prId");
                break;
            }
            case "lease.granted":
            {
                var agent = Str(data, "agentId");
                if (agent is null || !data.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array) break;
                var token = Long(data, "fencingToken") ?? 0;
                var expires = Long(data, "expiresAt");
                var prId = Str(data, "prId");
                foreach (var f in files.EnumerateArray())
                    if (f.GetString() is { } file) _leases[file] = new DashboardLease(file, agent, prId, token, expires);
                break;
            }
            case "lease.released":
            {
                var agent = Str(data, "agentId");
                var files = data.TryGetProperty("files", out var fs) && fs.ValueKind == JsonValueKind.Array
                    ? fs.EnumerateArray().Select(f => f.GetString()).OfType<string>().ToList() : [];
                if (files.Count == 0)
                    foreach (var file in _leases.Where(l => l.Value.Agent == agent).Select(l => l.Key).ToList()) _leases.Remove(file);
                else
                    foreach (var file in files)
                        if (_leases.TryGetValue(file, out var l) && (agent is null || l.Agent == agent)) _leases.Remove(file);
                break;
            }
            case "mode.changed":
            {
                var to = Str(data, "to") ?? Mode;
                _modeHistory.Add(new ModeChange(Str(data, "from") ?? Mode, to, Str(data, "reason"), ts));
                if (_modeHistory.Count > 100) _modeHistory.RemoveAt(0);
                Mode = to;
                break;
            }
            case "scheduling.paused": Paused = true; break;
            case "scheduling.resumed": Paused = false; break;
        }
    }

    private void EndAssignment(DashboardPr pr)
    {
        if (pr.Agent is { } a && _agents.TryGetValue(a, out var agent) && agent.Pr == pr.Id) { agent.State = "idle"; agent.Pr = null; }
        foreach (var file in _leases.Where(l => l.Value.Pr == pr.Id).Select(l => l.Key).ToList()) _leases.Remove(file);
        pr.Hot = null;
        pr.Agent = null;
    }

    private void Replace(JsonElement data)
    {
        _prs.Clear(); _prOrder.Clear(); _agents.Clear(); _leases.Clear();
        if (data.ValueKind != JsonValueKind.Object) return;
        if (data.TryGetProperty("mode", out var mode) && mode.ValueKind == JsonValueKind.Object)
        {
            Mode = Str(mode, "current") ?? Mode;
            if (mode.TryGetProperty("history", out var history) && history.ValueKind == JsonValueKind.Array)
            {
                _modeHistory.Clear();
                foreach (var h in history.EnumerateArray())
                    _modeHistory.Add(new ModeChange(Str(h, "from") ?? "", Str(h, "to") ?? "", Str(h, "reason"), Long(h, "ts") ?? 0));
            }
        }
        if (data.TryGetProperty("paused", out var paused) && paused.ValueKind is JsonValueKind.True or JsonValueKind.False) Paused = paused.GetBoolean();
        foreach (var p in Array(data, "prs"))
        {
            if (Pr(Str(p, "id")) is not { } pr) continue;
            pr.Title = Str(p, "title") ?? pr.Id;
            pr.Cold = Str(p, "cold") ?? "new";
            pr.Hot = Str(p, "hot");
            pr.Agent = Str(p, "agent");
            pr.Dependencies = Strings(p, "dependencies");
            pr.Files = Strings(p, "files");
            pr.Complexity = (int?)Long(p, "complexity");
            pr.Priority = Str(p, "priority");
        }
        foreach (var a in Array(data, "agents"))
        {
            if (Str(a, "id") is not { } id) continue;
            var agent = Agent(id);
            agent.Type = Str(a, "type") ?? agent.Type;
            agent.Model = Str(a, "model");
            agent.State = Str(a, "state") ?? "idle";
            agent.Pr = Str(a, "pr");
            agent.LastHeartbeat = Long(a, "lastHeartbeat");
        }
        foreach (var l in Array(data, "leases"))
            if (Str(l, "file") is { } file)
                _leases[file] = new DashboardLease(file, Str(l, "agent") ?? "", Str(l, "pr"), Long(l, "fencingToken") ?? 0, Long(l, "expiresAt"));
    }

    /// <summary>Writes the State object (contract field names).</summary>
    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteStartObject("hub");
        w.WriteBoolean("connected", HubConnected);
        WriteString(w, "hubId", HubId);
        WriteLong(w, "since", HubSince);
        w.WriteBoolean("paused", Paused);
        w.WriteEndObject();

        w.WriteStartObject("mode");
        w.WriteString("current", Mode);
        w.WriteStartArray("history");
        foreach (var h in _modeHistory)
        {
            w.WriteStartObject();
            w.WriteString("from", h.From);
            w.WriteString("to", h.To);
            WriteString(w, "reason", h.Reason);
            w.WriteNumber("ts", h.Ts);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartArray("prs");
        foreach (var pr in _prOrder)
        {
            w.WriteStartObject();
            w.WriteString("id", pr.Id);
            w.WriteString("title", pr.Title);
            w.WriteString("cold", pr.Cold);
            WriteString(w, "hot", pr.Hot);
            WriteString(w, "agent", pr.Agent);
            w.WriteStartArray("dependencies");
            foreach (var d in pr.Dependencies) w.WriteStringValue(d);
            w.WriteEndArray();
            w.WriteStartArray("files");
            foreach (var f in pr.Files) w.WriteStringValue(f);
            w.WriteEndArray();
            WriteLong(w, "complexity", pr.Complexity);
            WriteString(w, "priority", pr.Priority);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("agents");
        foreach (var a in _agents.Values.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("id", a.Id);
            w.WriteString("type", a.Type);
            WriteString(w, "model", a.Model);
            w.WriteString("state", a.State);
            WriteString(w, "pr", a.Pr);
            WriteLong(w, "lastHeartbeat", a.LastHeartbeat);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("leases");
        foreach (var l in _leases.Values)
        {
            w.WriteStartObject();
            w.WriteString("file", l.File);
            w.WriteString("agent", l.Agent);
            WriteString(w, "pr", l.Pr);
            w.WriteNumber("fencingToken", l.FencingToken);
            WriteLong(w, "expiresAt", l.ExpiresAt);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        var done = _prOrder.Count(p => DoneStates.Contains(p.Cold));
        var total = _prOrder.Count;
        while (_doneAt.Count > 0 && _doneAt.Peek() < DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 3_600_000) _doneAt.Dequeue();
        var velocity = (double)_doneAt.Count; // PRs done within the last hour
        w.WriteStartObject("progress");
        w.WriteNumber("done", done);
        w.WriteNumber("total", total);
        w.WriteNumber("velocityPerHour", velocity);
        if (velocity > 0 && total > done) w.WriteNumber("etaSeconds", Math.Round((total - done) / velocity * 3600));
        else if (total == done) w.WriteNumber("etaSeconds", 0);
        else w.WriteNull("etaSeconds");
        w.WriteEndObject();

        w.WriteStartArray("events");
        foreach (var e in _events) w.WriteRawValue(e, skipInputValidation: true);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private DashboardPr? Pr(string? id)
    {
        if (id is null) return null;
        if (_prs.TryGetValue(id, out var pr)) return pr;
        pr = new DashboardPr(id);
        _prs[id] = pr;
        _prOrder.Add(pr);
        return pr;
    }

    private DashboardAgent Agent(string id)
    {
        if (!_agents.TryGetValue(id, out var agent)) _agents[id] = agent = new DashboardAgent(id);
        return agent;
    }

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : [];

    private static List<string> Strings(JsonElement e, string name) => [.. Array(e, name).Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() : null).OfType<string>()];

    internal static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    internal static long? Long(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;

    private static void WriteString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }

    private static void WriteLong(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v) w.WriteNumber(name, v); else w.WriteNull(name);
    }
}
