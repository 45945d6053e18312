using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Gateway.Ipc;

/// <summary>
/// One client on the IPC socket (ipc-protocol.md): NDJSON split on the byte 0x0A before decoding (no
/// multi-byte character is ever cut), lines over 1 MiB skipped to their newline, malformed lines
/// counted and skipped with the connection kept, nothing but <c>hello</c> accepted before <c>hello</c>.
/// Acknowledges delivered seqs after each batch read and on a short timer, pings every interval and
/// drops a client silent for two.
/// </summary>
internal sealed class IpcConnection(long id, Socket socket, GatewayRouter router, ILogger logger, TimeProvider time)
{
    /// <summary>Longest line accepted, newline excluded.</summary>
    public const int MaxLineBytes = 1024 * 1024;

    private static readonly TimeSpan AckTick = TimeSpan.FromMilliseconds(20);
    private readonly NetworkStream _stream = new(socket, ownsSocket: true);
    private readonly SemaphoreSlim _write = new(1, 1);
    private readonly CancellationTokenSource _closed = new();
    private string? _hubId;
    private long _lastAck;
    private long _lastHeard = time.GetTimestamp();
    private long _nonce;

    public long Id { get; } = id;

    public string ClientId => $"client-{Id}";

    /// <summary>Reads until the client closes, says bye, goes silent, or the gateway stops.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _closed.Token);
        var token = linked.Token;
        var timers = TimersAsync(token);
        try
        {
            await ReadAsync(token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            router.ConnectionClosed(this);
            if (stopping.IsCancellationRequested) await TrySendAsync(w => { w.WriteString("type", "bye"); w.WriteString("reason", "gateway-stopping"); }).ConfigureAwait(false);
            await _closed.CancelAsync().ConfigureAwait(false);
            try { await timers.ConfigureAwait(false); } catch (OperationCanceledException) { }
            await _stream.DisposeAsync().ConfigureAwait(false);
            GatewayLog.IpcClientGone(logger, ClientId, _hubId);
        }
    }

    private async Task ReadAsync(CancellationToken token)
    {
        var reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024));
        var discarding = false;
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(token).ConfigureAwait(false);
                var buffer = read.Buffer;
                while (true)
                {
                    var newline = buffer.PositionOf((byte)'\n');
                    if (newline is null)
                    {
                        if (buffer.Length > MaxLineBytes)
                        {
                            if (!discarding) { Counters.OversizeLine(); GatewayLog.OversizeLine(logger, ClientId, MaxLineBytes); }
                            discarding = true;
                            buffer = buffer.Slice(buffer.End);
                        }
                        break;
                    }

                    var line = buffer.Slice(0, newline.Value);
                    buffer = buffer.Slice(buffer.GetPosition(1, newline.Value));
                    if (discarding) { discarding = false; continue; }
                    if (line.Length > MaxLineBytes) { Counters.OversizeLine(); GatewayLog.OversizeLine(logger, ClientId, MaxLineBytes); continue; }
                    Volatile.Write(ref _lastHeard, time.GetTimestamp());
                    if (!await HandleAsync(line).ConfigureAwait(false)) return;
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                if (read.IsCompleted) return;
                if (_hubId is not null) await AckAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private IpcCounters Counters => router.Counters;

    /// <summary>Handles one line; false when the client said bye.</summary>
    private async ValueTask<bool> HandleAsync(ReadOnlySequence<byte> sequence)
    {
        if (IsBlank(sequence)) return true;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(sequence);
        }
        catch (JsonException e)
        {
            Malformed($"not JSON ({e.Message})");
            return true;
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                Malformed("not an object with a string \"type\"");
                return true;
            }

            var type = typeElement.GetString();
            if (type == "hello") { await HelloAsync(root).ConfigureAwait(false); return true; }
            if (_hubId is null)
            {
                Counters.LineBeforeHello();
                GatewayLog.BeforeHello(logger, ClientId, type ?? "");
                return true;
            }

            switch (type)
            {
                case "event" or "debug":
                    Event(root, sequence);
                    return true;
                case "pong" or "ping":
                    if (type == "ping")
                        await TrySendAsync(w => { w.WriteString("type", "pong"); if (root.TryGetProperty("nonce", out var n)) { w.WritePropertyName("nonce"); n.WriteTo(w); } }).ConfigureAwait(false);
                    return true;
                case "command_result":
                    if (DashboardStr(root, "id") is not { } id || !root.TryGetProperty("ok", out var ok) || ok.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        Malformed("command_result without id or ok");
                        return true;
                    }
                    router.CommandResult(id, ok.GetBoolean(),
                        root.TryGetProperty("result", out var result) ? result : default,
                        root.TryGetProperty("error", out var error) ? error : default);
                    return true;
                case "bye":
                    GatewayLog.IpcBye(logger, ClientId, DashboardStr(root, "reason") ?? "");
                    return false;
                default:
                    Counters.Unknown();
                    GatewayLog.UnknownType(logger, ClientId, type ?? "");
                    return true;
            }
        }
    }

    private void Event(JsonElement root, ReadOnlySequence<byte> sequence)
    {
        var line = sequence.IsSingleSegment ? sequence.FirstSpan : sequence.ToArray();
        if (!root.TryGetProperty("seq", out var seqElement) || !seqElement.TryGetInt64(out var seq) || seq <= 0)
        {
            Malformed("event without a positive seq");
            return;
        }
        if (DashboardStr(root, "name") is not { } name)
        {
            Malformed("event without a name");
            return;
        }

        var ts = root.TryGetProperty("ts", out var tsElement) && tsElement.TryGetInt64(out var t) ? t : time.GetUtcNow().ToUnixTimeMilliseconds();
        root.TryGetProperty("data", out var data);
        string? prId = null, agentId = null;
        if (root.TryGetProperty("ctx", out var ctx))
        {
            prId = DashboardStr(ctx, "prId");
            agentId = DashboardStr(ctx, "agentId");
        }
        router.Deliver(_hubId!, seq, name, ts, data, prId, agentId, line);
    }

    private async Task HelloAsync(JsonElement root)
    {
        var role = DashboardStr(root, "role");
        var hubId = DashboardStr(root, "hubId");
        if (role != "hub" || string.IsNullOrWhiteSpace(hubId))
        {
            Malformed("hello without role \"hub\" and a hubId");
            return;
        }

        _hubId = hubId;
        var lastSeq = router.HubHello(this, hubId);
        _lastAck = lastSeq;
        GatewayLog.HubHello(logger, ClientId, hubId, lastSeq, root.TryGetProperty("pid", out var pid) && pid.TryGetInt32(out var p) ? p : 0);
        await SendAsync(w =>
        {
            w.WriteString("type", "welcome");
            w.WriteString("clientId", ClientId);
            w.WriteNumber("lastSeq", lastSeq);
            w.WriteNumber("pingIntervalMs", (long)router.Options.PingInterval.TotalMilliseconds);
        }).ConfigureAwait(false);
    }

    private async Task AckAsync()
    {
        if (_hubId is not { } hubId) return;
        var floor = router.AckFloor(hubId);
        if (floor <= Volatile.Read(ref _lastAck)) return;
        Volatile.Write(ref _lastAck, floor);
        await SendAsync(w => { w.WriteString("type", "ack"); w.WriteNumber("seq", floor); }).ConfigureAwait(false);
    }

    public Task SendCommandAsync(string id, string name, JsonElement args) => SendAsync(w =>
    {
        w.WriteString("type", "command");
        w.WriteString("id", id);
        w.WriteString("name", name);
        w.WritePropertyName("args");
        if (args.ValueKind == JsonValueKind.Undefined) { w.WriteStartObject(); w.WriteEndObject(); } else args.WriteTo(w);
    });

    private async Task TimersAsync(CancellationToken token)
    {
        using var timer = new PeriodicTimer(AckTick, time);
        var lastPing = time.GetTimestamp();
        var interval = router.Options.PingInterval;
        try
        {
            while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
            {
                await AckAsync().ConfigureAwait(false);
                if (time.GetElapsedTime(Volatile.Read(ref _lastHeard)) > interval * 2)
                {
                    GatewayLog.IpcClientSilent(logger, ClientId, interval * 2);
                    await _closed.CancelAsync().ConfigureAwait(false);
                    socket.Dispose(); // not a half-close: the peer is gone or hung
                    return;
                }
                if (time.GetElapsedTime(lastPing) >= interval)
                {
                    lastPing = time.GetTimestamp();
                    var nonce = Interlocked.Increment(ref _nonce);
                    await SendAsync(w => { w.WriteString("type", "ping"); w.WriteNumber("nonce", nonce); }).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            await _closed.CancelAsync().ConfigureAwait(false);
        }
    }

    private void Malformed(string why)
    {
        Counters.MalformedLine();
        GatewayLog.MalformedLine(logger, ClientId, why);
    }

    private async Task TrySendAsync(Action<Utf8JsonWriter> body)
    {
        try { await SendAsync(body).ConfigureAwait(false); }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException) { }
    }

    private async Task SendAsync(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteNumber("ts", time.GetUtcNow().ToUnixTimeMilliseconds());
            w.WriteEndObject();
        }
        buffer.Write("\n"u8);
        await _write.WaitAsync().ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(buffer.WrittenMemory).ConfigureAwait(false);
        }
        finally
        {
            _write.Release();
        }
    }

    private static bool IsBlank(ReadOnlySequence<byte> sequence)
    {
        foreach (var segment in sequence)
            foreach (var b in segment.Span)
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r')) return false;
        return true;
    }

    private static string? DashboardStr(JsonElement e, string name) => Dashboard.DashboardState.Str(e, name);
}
