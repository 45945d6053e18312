using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Lemegeton.Gateway.Tests.Infrastructure;

/// <summary>A test browser: a ClientWebSocket on the gateway's <c>/ws</c>, reading one JSON frame at a time.</summary>
public sealed class TestBrowser : IDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly byte[] _chunk = new byte[64 * 1024];

    public static async Task<TestBrowser> ConnectAsync(Uri uri)
    {
        var browser = new TestBrowser();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await browser._socket.ConnectAsync(uri, cts.Token);
        return browser;
    }

    /// <summary>The next frame, or null when the connection ended; fails the test when nothing comes within <paramref name="bound"/>.</summary>
    public async Task<JsonDocument?> ReceiveAsync(TimeSpan? bound = null)
    {
        using var cts = new CancellationTokenSource(bound ?? TimeSpan.FromSeconds(30));
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(_chunk, cts.Token);
                if (result.MessageType == WebSocketMessageType.Close) return null;
                message.Write(_chunk, 0, result.Count);
                if (result.EndOfMessage) return JsonDocument.Parse(message.ToArray());
            }
        }
        catch (WebSocketException) { return null; }
        catch (OperationCanceledException) { Assert.Fail($"no frame within {(bound ?? TimeSpan.FromSeconds(30)).TotalSeconds} s"); return null; }
    }

    /// <summary>Frames until one matches; fails after the bound.</summary>
    public async Task<JsonElement> ReceiveUntilAsync(Func<JsonElement, bool> match, TimeSpan? bound = null)
    {
        var deadline = DateTime.UtcNow + (bound ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            using var doc = await ReceiveAsync(deadline - DateTime.UtcNow) ?? throw new InvalidOperationException("the connection ended");
            if (match(doc.RootElement)) return doc.RootElement.Clone();
        }
        Assert.Fail("no matching frame in time");
        return default;
    }

    public Task SendAsync(string json) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    public void Dispose() => _socket.Dispose();
}
