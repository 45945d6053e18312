using Akka.Actor;
using Akka.Event;
using Lemegeton.Core.TaskList;
using Lemegeton.Hub.Actors;
using Lemegeton.Hub.Actors.Operator;
using Lemegeton.Hub.Events;
using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Hub.Gateway;

/// <summary>
/// <c>/user/gateway-link</c>: the hub's IPC client to the gateway (ipc-protocol.md, docs/gateway.md).
/// Subscribes to the event stream (every persisted coordinator event, git results), numbers each
/// event with a seq that never repeats (high-water mark reserved ahead in <see cref="GatewaySeqStore"/>),
/// keeps unacknowledged lines in a <see cref="ResendBuffer"/> and sends them over a
/// <see cref="GatewayConnection"/>, one write in flight at a time. On every (re)connect: hello, then
/// everything after the gateway's <c>lastSeq</c> (preceded by <c>ipc.dropped</c> with the exact range
/// when the buffer overflowed), then a fresh <c>hub.snapshot</c>. Reconnects with exponential backoff
/// and jitter, never after it is stopped. Operator commands from the dashboard go to the coordinator;
/// its <see cref="OperatorResult"/> goes back as <c>command_result</c>. All I/O runs off this thread.
/// </summary>
public sealed class GatewayLinkActor : ReceiveActor, IWithTimers
{
    private const int MaxBatchLines = 4096;
    private const string ReconnectTimer = "reconnect";
    private const string LivenessTimer = "liveness";
    private readonly GatewayLinkSettings _settings;
    private readonly GatewayLinkOptions _options;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly GatewayEventMapper _mapper;
    private readonly ResendBuffer _buffer;
    private readonly Queue<object> _unnumbered = new();
    private string? _hubId;
    private long _next;
    private long _ceiling;
    private bool _reserving;
    private GatewayConnection? _connection;
    private long _generation;
    private bool _welcomed;
    private bool _writing;
    private long _sentThrough;
    private long _acked;
    private int _attempts;
    private TimeSpan _pingInterval = TimeSpan.FromSeconds(30);

    public GatewayLinkActor(GatewayLinkSettings settings)
    {
        _settings = settings;
        _options = settings.Options;
        _mapper = new GatewayEventMapper(settings.Time);
        _buffer = new ResendBuffer(_options.ResendBuffer);

        Receive<GatewayLinkLoaded>(Loaded);
        Receive<GatewaySeqReserved>(Reserved);
        Receive<GatewayLinkFailed>(f => throw new IOException($"gateway link state in {_settings.StateDirectory}: {f.Error.Message}", f.Error));
        Receive<CoordinatorSnapshot>(Publish);
        Receive<IPersistedEvent>(Publish);
        Receive<GitCommitted>(Publish);
        Receive<GitCommitFailed>(Publish);
        Receive<GatewayReconnect>(_ => Connect());
        Receive<GatewayConnected>(Connected);
        Receive<GatewayConnectFailed>(f =>
        {
            if (f.Generation != _generation) return;
            _log.Debug("Gateway not reachable on {0}: {1}", _settings.SocketPath, f.Reason);
            ScheduleReconnect();
        });
        Receive<GatewayWelcomed>(Welcomed);
        Receive<GatewayAcked>(a =>
        {
            if (a.Generation != _generation) return;
            _acked = Math.Max(_acked, a.Seq);
            _buffer.TrimThrough(_acked);
        });
        Receive<GatewayWriteCompleted>(w =>
        {
            if (w.Generation != _generation) return;
            _writing = false;
            Pump();
        });
        Receive<GatewayDisconnected>(d => Disconnected(d.Generation, d.Reason));
        Receive<GatewayLivenessCheck>(_ =>
        {
            if (_connection is { } c && _welcomed && c.Silence > _pingInterval * 2)
                Disconnected(c.Generation, $"no word from the gateway for {c.Silence.TotalSeconds:0} s (2 ping intervals)");
        });
        Receive<GatewayTaskListLoaded>(t =>
        {
            _mapper.TaskList = t.Prs;
            RequestSnapshot();
        });
        Receive<GatewayCommandReceived>(Command);
        Receive<GetGatewayLinkStatus>(_ => Sender.Tell(new GatewayLinkStatus(_hubId, _next, _buffer.Count, _buffer.Evicted, _acked, _welcomed, _unnumbered.Count)));
        Receive<GatewayCommandAnswered>(a => Post(GatewayWire.Line(w =>
        {
            w.WriteString("type", "command_result");
            w.WriteString("id", a.Id);
            w.WriteBoolean("ok", a.Ok);
            w.WriteString(a.Ok ? "result" : "error", a.Message);
        }, _settings.Time)));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(GatewayLinkSettings settings) => Akka.Actor.Props.Create(() => new GatewayLinkActor(settings));

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(IPersistedEvent));
        Context.System.EventStream.Subscribe(Self, typeof(GitCommitted));
        Context.System.EventStream.Subscribe(Self, typeof(GitCommitFailed));
        var directory = _settings.StateDirectory;
        GatewaySeqStore.LoadAsync(directory).PipeTo(Self, failure: e => new GatewayLinkFailed(e));
    }

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        _generation++; // nothing from the old connection counts any more, and nothing reconnects
        if (_connection is { } connection)
        {
            _connection = null;
            _ = Task.Run(() => connection.Close("hub-stopping"));
        }
    }

    private void Loaded(GatewayLinkLoaded loaded)
    {
        _hubId = loaded.HubId;
        _ceiling = loaded.Ceiling;
        _next = loaded.Ceiling + 1; // every seq up to the old ceiling may have been used by an earlier run
        _sentThrough = _acked = loaded.Ceiling;
        _buffer.TrimThrough(loaded.Ceiling);
        _log.Info("Gateway link: hub {0}, seqs from {1}", _hubId, _next);
        Reserve();
        Connect();
    }

    private void Reserve()
    {
        if (_reserving || _hubId is null) return;
        _reserving = true;
        var target = Math.Max(_ceiling, _next - 1) + _options.SeqReserveBlock;
        GatewaySeqStore.ReserveAsync(_settings.StateDirectory, _hubId, target).PipeTo(Self, failure: e => new GatewayLinkFailed(e));
    }

    private void Reserved(GatewaySeqReserved reserved)
    {
        _reserving = false;
        _ceiling = Math.Max(_ceiling, reserved.Ceiling);
        while (_unnumbered.Count > 0 && _next <= _ceiling) Number(_unnumbered.Dequeue());
        if (_unnumbered.Count > 0 || _ceiling - _next < _options.SeqReserveBlock / 2) Reserve();
        Pump();
    }

    private void Publish(object message)
    {
        if (_hubId is null || _next > _ceiling || _unnumbered.Count > 0)
        {
            _unnumbered.Enqueue(message);
            if (_hubId is not null) Reserve();
            return;
        }
        Number(message);
        if (_ceiling - _next < _options.SeqReserveBlock / 2) Reserve();
        Pump();
    }

    private void Number(object message)
    {
        if (_mapper.Encode(_next, message) is not { } line) return;
        _buffer.Add(_next, line);
        _next++;
    }

    private void Connect()
    {
        if (_hubId is null) return;
        Timers.Cancel(ReconnectTimer);
        var generation = ++_generation;
        var self = Self;
        GatewayConnection.ConnectAsync(_settings.SocketPath, generation, self, _settings.Time)
            .PipeTo(self, success: c => new GatewayConnected(c), failure: e => new GatewayConnectFailed(generation, e.Message));
    }

    private void Connected(GatewayConnected connected)
    {
        var c = connected.Connection;
        if (c.Generation != _generation)
        {
            c.Dispose();
            return;
        }

        _connection = c;
        _welcomed = false;
        _writing = false;
        var hello = GatewayWire.Line(w =>
        {
            w.WriteString("type", "hello");
            w.WriteString("role", "hub");
            w.WriteString("version", Admin.HubAdminApi.Version);
            w.WriteNumber("pid", _settings.Pid);
            w.WriteString("hubId", _hubId);
        }, _settings.Time);
        var generation = c.Generation;
        c.WriteAsync(hello).PipeTo(Self, success: () => Status.Success.Instance, failure: e => new GatewayDisconnected(generation, e.Message));
    }

    private void Welcomed(GatewayWelcomed welcome)
    {
        if (welcome.Generation != _generation || _connection is null) return;
        _welcomed = true;
        _attempts = 0;
        _pingInterval = welcome.PingInterval;
        _acked = Math.Max(_acked, welcome.LastSeq);
        _buffer.TrimThrough(_acked);
        _sentThrough = _acked;
        _log.Info("Gateway link connected as {0}; the gateway has up to seq {1}, resending {2} buffered", welcome.ClientId, welcome.LastSeq, _buffer.Count);
        Timers.StartPeriodicTimer(LivenessTimer, GatewayLivenessCheck.Instance, _pingInterval);
        if (_settings.TaskListPath is { } path) LoadTaskList(path);
        else RequestSnapshot();
        Pump();
    }

    private void LoadTaskList(string path) =>
        Task.Run(() =>
        {
            try
            {
                var doc = TaskListDocument.Load(path, TaskListParseOptions.Lenient);
                return new GatewayTaskListLoaded(doc.Prs.ToDictionary(p => p.Id, p => new GatewayPrInfo(
                    p.Id, p.Title, p.Dependencies, [.. p.EstimatedFiles.Select(f => f.Path)], p.Complexity?.Score, p.Priority.ToString().ToLowerInvariant()), StringComparer.Ordinal));
            }
            catch (TaskListException)
            {
                return new GatewayTaskListLoaded(new Dictionary<string, GatewayPrInfo>());
            }
        }).PipeTo(Self);

    private void RequestSnapshot()
    {
        // Told, not asked: the answer comes straight from the coordinator, after every event it
        // published before it, so the snapshot takes its right place in the numbered stream.
        if (_settings.Coordinator is { } coordinator && _welcomed) coordinator.Tell(GetCoordinatorState.Instance, Self);
    }

    private void Pump()
    {
        if (!_welcomed || _writing || _connection is not { } connection) return;
        var lines = new List<byte[]>();
        var size = 0;
        var lostThrough = _buffer.EvictedThrough;
        if (lostThrough > _sentThrough)
        {
            var first = _sentThrough + 1;
            _log.Warning("Gateway link: resend buffer ({0}) overflowed; seqs {1}..{2} were dropped", _options.ResendBuffer, first, lostThrough);
            var dropped = _mapper.Dropped(first, lostThrough);
            lines.Add(dropped);
            size += dropped.Length;
            _sentThrough = lostThrough;
        }

        var from = Math.Max(_sentThrough + 1, _buffer.FirstSeq);
        var to = Math.Min(_buffer.LastSeq, from + MaxBatchLines - 1);
        for (var s = from; s <= to; s++)
        {
            var line = _buffer[s];
            lines.Add(line);
            size += line.Length;
        }
        if (lines.Count == 0) return;
        if (to >= from) _sentThrough = to;

        var payload = new byte[size];
        var offset = 0;
        foreach (var line in lines)
        {
            line.CopyTo(payload, offset);
            offset += line.Length;
        }

        _writing = true;
        var generation = connection.Generation;
        connection.WriteAsync(payload).PipeTo(Self,
            success: () => new GatewayWriteCompleted(generation),
            failure: e => new GatewayDisconnected(generation, "write failed: " + e.Message));
    }

    private void Disconnected(long generation, string reason)
    {
        if (generation != _generation || _connection is null) return;
        _log.Info("Gateway link lost: {0}", reason);
        _connection.Dispose();
        _connection = null;
        _welcomed = false;
        _writing = false;
        Timers.Cancel(LivenessTimer);
        ScheduleReconnect();
    }

    private void ScheduleReconnect()
    {
        var min = _options.ReconnectMinDelay.TotalMilliseconds;
        var max = _options.ReconnectMaxDelay.TotalMilliseconds;
        var delay = Math.Min(max, min * Math.Pow(2, Math.Min(_attempts, 30)));
        delay *= 0.8 + (Random.Shared.NextDouble() * 0.4); // ±20 % so many hubs do not retry in step
        _attempts++;
        Timers.StartSingleTimer(ReconnectTimer, GatewayReconnect.Instance, TimeSpan.FromMilliseconds(Math.Min(delay, max)));
    }

    private void Command(GatewayCommandReceived command)
    {
        if (command.Generation != _generation) return;
        var self = Self;
        var id = command.Id;
        IOperatorCommand? op;
        string? problem = null;
        try
        {
            op = GatewayCommands.ToOperator(command.Name, command.ArgsJson, out problem);
        }
        catch (System.Text.Json.JsonException e)
        {
            op = null;
            problem = $"args are not a JSON object: {e.Message}";
        }

        if (op is null)
        {
            self.Tell(new GatewayCommandAnswered(id, false, problem ?? "unknown command"));
            return;
        }
        if (_settings.Coordinator is not { } coordinator)
        {
            self.Tell(new GatewayCommandAnswered(id, false, "this hub has no coordinator to run commands"));
            return;
        }

        coordinator.Ask<OperatorResult>(op, _options.CommandTimeout).PipeTo(self,
            success: r => new GatewayCommandAnswered(id, r.Ok, r.Message),
            failure: e => new GatewayCommandAnswered(id, false, e is AskTimeoutException
                ? $"the coordinator did not answer within {_options.CommandTimeout.TotalSeconds:0.#} s"
                : e.Message));
    }

    private void Post(byte[] line)
    {
        if (_connection is { } c && _welcomed) c.Post(line);
    }
}
