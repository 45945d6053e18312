using System.Buffers;
using System.Text.Json;
using Lemegeton.Gateway.Browser;
using Lemegeton.Gateway.Dashboard;
using Lemegeton.Gateway.Ipc;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Gateway;

/// <summary>
/// The gateway's one shared place: the dashboard state, the hub connections, the browsers and the
/// replay buffer, under one lock, so that a browser's snapshot and the events after it are consistent
/// and every event reaches each browser once, in seq order. Events are deduplicated by (hubId, seq):
/// the hub resends after a reconnect (at-least-once on the wire), browsers see each seq once.
/// </summary>
public sealed class GatewayRouter
{
    private readonly Lock _gate = new();
    private readonly GatewayOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly DashboardState _state;
    private readonly Dictionary<string, long> _lastSeq = new(StringComparer.Ordinal);
    private readonly List<IpcConnection> _hubs = [];
    private readonly List<BrowserClient> _browsers = [];
    private readonly Queue<ReplayEntry> _replay = new();
    private readonly Dictionary<string, PendingCommand> _commands = new(StringComparer.Ordinal);
    private long _browserIds;
    private long _commandIds;

    public GatewayRouter(GatewayOptions options, ILogger<GatewayRouter> logger, TimeProvider? time = null)
    {
        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _state = new DashboardState(options.EventHistory);
    }

    public IpcCounters Counters { get; } = new();

    public GatewayOptions Options => _options;

    /// <summary>Browsers connected now.</summary>
    public int BrowserCount { get { lock (_gate) return _browsers.Count; } }

    /// <summary>True while at least one hub is connected (said hello and has not gone).</summary>
    public bool HubConnected { get { lock (_gate) return _hubs.Count > 0; } }

    /// <summary>The highest seq delivered from a hub, or 0.</summary>
    public long LastSeq(string hubId) { lock (_gate) return _lastSeq.GetValueOrDefault(hubId); }

    internal long NextBrowserId() => Interlocked.Increment(ref _browserIds);

    /// <summary>A hub said hello: returns the highest seq already delivered from its hubId (its resend starts after it).</summary>
    internal long HubHello(IpcConnection connection, string hubId)
    {
        lock (_gate)
        {
            _hubs.Remove(connection);
            _hubs.Add(connection); // the newest connection of a hub gets the commands (an old one may be a dead peer)
            var wasConnected = _state.HubConnected && _state.HubId == hubId;
            _state.HubConnected = true;
            _state.HubId = hubId;
            if (!wasConnected)
            {
                _state.HubSince = _time.GetUtcNow().ToUnixTimeMilliseconds();
                BroadcastHubLocked();
            }
            return _lastSeq.GetValueOrDefault(hubId);
        }
    }

    /// <summary>An IPC connection ended; when it was the last hub's, browsers are told the hub is away.</summary>
    internal void ConnectionClosed(IpcConnection connection)
    {
        lock (_gate)
        {
            if (!_hubs.Remove(connection)) return;
            if (_hubs.Count > 0) return;
            _state.HubConnected = false;
            _state.HubSince = _time.GetUtcNow().ToUnixTimeMilliseconds();
            BroadcastHubLocked();
        }
    }

    /// <summary>Delivers one event line: ignored when its seq was already delivered, else applied to the state and sent to every browser whose filter it passes.</summary>
    internal bool Deliver(string hubId, long seq, string name, long ts, JsonElement data, string? prId, string? agentId, ReadOnlySpan<byte> line)
    {
        lock (_gate)
        {
            if (seq <= _lastSeq.GetValueOrDefault(hubId))
            {
                Counters.Duplicate();
                return false;
            }

            _lastSeq[hubId] = seq;
            Counters.Event();
            _state.Apply(name, ts, data);
            var frame = line.ToArray(); // the IPC line is the browser's frame: type, seq, name, ts, data, ctx
            if (name != "hub.snapshot") _state.Remember(frame);
            if (_options.ReplayBuffer > 0)
            {
                _replay.Enqueue(new ReplayEntry(seq, name, prId, agentId, frame));
                while (_replay.Count > _options.ReplayBuffer) _replay.Dequeue();
            }

            var outgoing = new OutgoingFrame(seq, frame);
            for (var i = _browsers.Count - 1; i >= 0; i--)
            {
                var b = _browsers[i];
                if (seq <= b.ResumeAfter || !b.Filter.Matches(name, prId, agentId)) continue;
                if (!b.Enqueue(outgoing)) DropSlowLocked(b, i);
            }
            return true;
        }
    }

    /// <summary>
    /// The seq the gateway may acknowledge to a hub: the highest delivered, held back to what every
    /// browser still sending has been sent (a frame in a dead gateway's memory would otherwise be lost
    /// to a browser that reconnects with <c>?since=</c>).
    /// </summary>
    internal long AckFloor(string hubId)
    {
        lock (_gate)
        {
            var floor = _lastSeq.GetValueOrDefault(hubId);
            foreach (var b in _browsers)
                if (!b.Idle) floor = Math.Min(floor, b.LastSentSeq);
            return floor;
        }
    }

    /// <summary>Adds a browser: queues the snapshot, then the buffered events after <paramref name="since"/> (when given), then live events.</summary>
    internal void AddBrowser(BrowserClient client, long? since)
    {
        lock (_gate)
        {
            client.Enqueue(new OutgoingFrame(0, SnapshotFrameLocked()));
            if (since is { } after)
            {
                client.ResumeAfter = after;
                foreach (var e in _replay)
                    if (e.Seq > after && client.Filter.Matches(e.Name, e.PrId, e.AgentId)) client.Enqueue(new OutgoingFrame(e.Seq, e.Frame));
            }
            _browsers.Add(client);
        }
    }

    internal void RemoveBrowser(BrowserClient client)
    {
        lock (_gate) _browsers.Remove(client);
        client.Complete();
    }

    /// <summary>The State object as JSON (<c>GET /api/state</c>).</summary>
    public byte[] StateJson()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer))
        {
            lock (_gate) _state.Write(w);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A browser's operator command: forwarded to the newest hub connection, answered with its <c>command_result</c> or an error.</summary>
    internal void Command(BrowserClient client, string id, string name, JsonElement args)
    {
        IpcConnection? hub;
        string wireId;
        lock (_gate)
        {
            hub = _hubs.Count > 0 ? _hubs[^1] : null;
            wireId = $"b{client.Id}-{Interlocked.Increment(ref _commandIds)}";
            if (hub is not null) _commands[wireId] = new PendingCommand(client, id);
        }

        if (hub is null)
        {
            client.Enqueue(new OutgoingFrame(0, CommandError(id, "the hub is away: no hub is connected to the gateway")));
            return;
        }

        _ = SendCommandAsync(hub, client, wireId, id, name, args.ValueKind == JsonValueKind.Undefined ? default : args.Clone());
    }

    private async Task SendCommandAsync(IpcConnection hub, BrowserClient client, string wireId, string id, string name, JsonElement args)
    {
        try
        {
            await hub.SendCommandAsync(wireId, name, args).ConfigureAwait(false);
            await Task.Delay(_options.CommandTimeout, _time).ConfigureAwait(false);
            bool timedOut;
            lock (_gate) timedOut = _commands.Remove(wireId);
            if (timedOut)
            {
                lock (_gate) _commands[wireId] = new PendingCommand(client, id, Late: true);
                client.Enqueue(new OutgoingFrame(0, CommandError(id,
                    $"the hub did not answer within {_options.CommandTimeout.TotalSeconds:0.#} s; the action may still take effect (a late answer is sent when it comes)")));
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            lock (_gate) _commands.Remove(wireId);
            client.Enqueue(new OutgoingFrame(0, CommandError(id, $"the command could not be sent to the hub: {e.Message}")));
        }
    }

    /// <summary>The hub answered a command: the result goes to the browser that asked (also after a timeout, marked late).</summary>
    internal void CommandResult(string wireId, bool ok, JsonElement result, JsonElement error)
    {
        PendingCommand? pending;
        lock (_gate)
        {
            if (_commands.Remove(wireId, out var p)) pending = p;
            else pending = null;
        }
        if (pending is null)
        {
            GatewayLog.UnmatchedCommandResult(_logger, wireId);
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", "command_result");
            w.WriteString("id", pending.BrowserId);
            w.WriteBoolean("ok", ok);
            if (ok)
            {
                w.WritePropertyName("result");
                if (result.ValueKind == JsonValueKind.Undefined) w.WriteNullValue(); else result.WriteTo(w);
            }
            else
            {
                w.WritePropertyName("error");
                if (error.ValueKind == JsonValueKind.Undefined) w.WriteStringValue("the hub refused the command"); else error.WriteTo(w);
            }
            if (pending.Late) w.WriteBoolean("late", true);
            w.WriteEndObject();
        }
        pending.Client.Enqueue(new OutgoingFrame(0, buffer.WrittenSpan.ToArray()));
    }

    private static byte[] CommandError(string id, string message)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", "command_result");
            w.WriteString("id", id);
            w.WriteBoolean("ok", false);
            w.WriteString("error", message);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private byte[] SnapshotFrameLocked()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", "snapshot");
            w.WritePropertyName("state");
            _state.Write(w);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private void BroadcastHubLocked()
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", "hub");
            w.WriteBoolean("connected", _state.HubConnected);
            if (_state.HubId is { } id) w.WriteString("hubId", id); else w.WriteNull("hubId");
            if (_state.HubSince is { } since) w.WriteNumber("since", since); else w.WriteNull("since");
            w.WriteEndObject();
        }
        var frame = new OutgoingFrame(0, buffer.WrittenSpan.ToArray());
        GatewayLog.HubLink(_logger, _state.HubConnected, _state.HubId);
        for (var i = _browsers.Count - 1; i >= 0; i--)
            if (!_browsers[i].Enqueue(frame)) DropSlowLocked(_browsers[i], i);
    }

    private void DropSlowLocked(BrowserClient client, int index)
    {
        _browsers.RemoveAt(index);
        GatewayLog.SlowBrowserDropped(_logger, client.Id, _options.ClientQueue);
    }

    private sealed record ReplayEntry(long Seq, string Name, string? PrId, string? AgentId, byte[] Frame);

    private sealed record PendingCommand(BrowserClient Client, string BrowserId, bool Late = false);
}
