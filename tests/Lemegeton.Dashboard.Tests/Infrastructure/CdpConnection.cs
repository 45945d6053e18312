using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lemegeton.Dashboard.Tests.Infrastructure;

/// <summary>
/// The Chrome DevTools protocol over one browser-level WebSocket: commands with ids answered by
/// results, and events (optionally for an attached target's flat <c>sessionId</c>).
/// </summary>
public sealed class CdpConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _receiveLoop = Task.CompletedTask;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private int _nextId;

    /// <summary>Raised on the receive loop for every event: (method, sessionId, params).</summary>
    public event Action<string, string?, JsonElement>? EventReceived;

    public static async Task<CdpConnection> ConnectAsync(Uri browserEndpoint, CancellationToken ct)
    {
        var c = new CdpConnection();
        c._socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await c._socket.ConnectAsync(browserEndpoint, ct);
        c._receiveLoop = Task.Run(c.ReceiveLoopAsync);
        return c;
    }

    public async Task<JsonElement> SendAsync(string method, object? parameters = null, string? sessionId = null, TimeSpan? timeout = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var tcs = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = tcs;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = JsonSerializer.SerializeToNode(parameters ?? new { }) };
        if (sessionId is not null) message["sessionId"] = sessionId;
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _sendLock.WaitAsync();
        try { await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, _stop.Token); }
        finally { _sendLock.Release(); }
        using var timer = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        using var reg = timer.Token.Register(() => tcs.TrySetException(new TimeoutException($"DevTools command {method} got no answer")));
        return await tcs.Task;
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                Dispatch(message.ToArray());
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
        foreach (var p in _pending.Values) p.TrySetException(new InvalidOperationException("DevTools connection closed"));
    }

    private void Dispatch(byte[] json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (root.TryGetProperty("id", out var idElement))
        {
            if (!_pending.TryRemove(idElement.GetInt32(), out var tcs)) return;
            if (root.TryGetProperty("error", out var error)) tcs.TrySetException(new InvalidOperationException("DevTools error: " + error.GetRawText()));
            else tcs.TrySetResult(root.TryGetProperty("result", out var r) ? r.Clone() : default);
            return;
        }
        var method = root.GetProperty("method").GetString()!;
        var session = root.TryGetProperty("sessionId", out var s) ? s.GetString() : null;
        EventReceived?.Invoke(method, session, root.TryGetProperty("params", out var p) ? p.Clone() : default);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _receiveLoop; } catch (OperationCanceledException) { }
        _socket.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
    }
}
