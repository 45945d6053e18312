using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Text.Json;
using Akka.Actor;

namespace Lemegeton.Hub.Gateway;

/// <summary>
/// The I/O of one connection to the gateway, kept off the link actor's thread: a reader task that
/// splits NDJSON on 0x0A (lines over 1 MiB skipped) and tells the actor what arrived, answering
/// <c>ping</c> itself, and serialized writes. Everything it learns goes to the actor as messages
/// tagged with <see cref="Generation"/>, so news from an old connection is recognised and ignored.
/// </summary>
public sealed class GatewayConnection : IDisposable
{
    private const int MaxLineBytes = 1024 * 1024;
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly IActorRef _link;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _write = new(1, 1);
    private readonly CancellationTokenSource _closed = new();
    private long _lastHeard;
    private int _disposed;

    private GatewayConnection(Socket socket, long generation, IActorRef link, TimeProvider time)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _link = link;
        _time = time;
        Generation = generation;
        _lastHeard = time.GetTimestamp();
    }

    public long Generation { get; }

    /// <summary>Time since the gateway last sent anything.</summary>
    public TimeSpan Silence => _time.GetElapsedTime(Volatile.Read(ref _lastHeard));

    /// <summary>Connects; the reader starts at once and reports to <paramref name="link"/>.</summary>
    public static async Task<GatewayConnection> ConnectAsync(string socketPath, long generation, IActorRef link, TimeProvider time)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath)).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var connection = new GatewayConnection(socket, generation, link, time);
        _ = Task.Run(connection.ReadLoopAsync);
        return connection;
    }

    /// <summary>Writes bytes (whole lines); concurrent calls are serialized.</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> bytes)
    {
        await _write.WaitAsync(_closed.Token).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(bytes, _closed.Token).ConfigureAwait(false);
        }
        finally
        {
            _write.Release();
        }
    }

    /// <summary>Writes without waiting; a failure ends the connection (the reader then reports it).</summary>
    public void Post(byte[] line) => _ = WriteAsync(line).ContinueWith(t =>
    {
        if (t.IsFaulted || t.IsCanceled) Abort("write failed: " + (t.Exception?.GetBaseException().Message ?? "cancelled"));
    }, TaskScheduler.Default);

    /// <summary>Sends <c>bye</c> (bounded to 1 s) and closes: a deliberate shutdown.</summary>
    public void Close(string reason)
    {
        try
        {
            var bye = GatewayWire.Line(w => { w.WriteString("type", "bye"); w.WriteString("reason", reason); }, _time);
            WriteAsync(bye).Wait(TimeSpan.FromSeconds(1));
        }
        catch (Exception e) when (e is AggregateException or ObjectDisposedException or OperationCanceledException) { }
        Dispose();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _closed.Cancel();
        try { _socket.Shutdown(SocketShutdown.Both); } catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        _stream.Dispose();
    }

    private void Abort(string reason)
    {
        if (Volatile.Read(ref _disposed) == 0) _link.Tell(new GatewayDisconnected(Generation, reason));
        Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024));
        var reason = "closed by the gateway";
        var discarding = false;
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(_closed.Token).ConfigureAwait(false);
                var buffer = read.Buffer;
                while (buffer.PositionOf((byte)'\n') is { } newline)
                {
                    var line = buffer.Slice(0, newline);
                    buffer = buffer.Slice(buffer.GetPosition(1, newline));
                    Volatile.Write(ref _lastHeard, _time.GetTimestamp());
                    if (discarding) { discarding = false; continue; }
                    if (!Handle(line)) { reason = "the gateway said bye"; return; }
                }
                if (buffer.Length > MaxLineBytes) { discarding = true; buffer = buffer.Slice(buffer.End); }
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (read.IsCompleted) return;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            reason = e.Message;
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
            Abort(reason);
        }
    }

    /// <summary>Handles one line from the gateway; false on <c>bye</c>. Unreadable lines are skipped.</summary>
    private bool Handle(ReadOnlySequence<byte> line)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(line); }
        catch (JsonException) { return true; }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type)) return true;
            switch (type.GetString())
            {
                case "welcome":
                    var ping = root.TryGetProperty("pingIntervalMs", out var p) && p.TryGetInt64(out var ms) && ms > 0 ? TimeSpan.FromMilliseconds(ms) : TimeSpan.FromSeconds(30);
                    _link.Tell(new GatewayWelcomed(Generation, GatewayWire.Str(root, "clientId") ?? "", GatewayWire.Long(root, "lastSeq") ?? 0, ping));
                    return true;
                case "ack":
                    if (GatewayWire.Long(root, "seq") is { } seq) _link.Tell(new GatewayAcked(Generation, seq));
                    return true;
                case "ping":
                    var nonce = root.TryGetProperty("nonce", out var n) ? n.Clone() : default;
                    Post(GatewayWire.Line(w =>
                    {
                        w.WriteString("type", "pong");
                        if (nonce.ValueKind != JsonValueKind.Undefined) { w.WritePropertyName("nonce"); nonce.WriteTo(w); }
                    }, _time));
                    return true;
                case "command":
                    var args = root.TryGetProperty("args", out var a) ? a.GetRawText() : "{}";
                    if (GatewayWire.Str(root, "id") is { } id && GatewayWire.Str(root, "name") is { } name)
                        _link.Tell(new GatewayCommandReceived(Generation, id, name, args));
                    return true;
                case "bye":
                    return false;
                default:
                    return true;
            }
        }
    }
}
