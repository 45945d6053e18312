using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Gateway.Browser;

/// <summary>
/// The browser side (docs/gateway.md): <c>/ws</c> (snapshot, then live events; filters <c>pr</c>,
/// <c>agent</c>, <c>event</c>; <c>since</c> to resume), <c>GET /api/state</c>, <c>GET /api/status</c>,
/// and the dashboard's files, embedded in this assembly from <c>wwwroot/</c>.
/// </summary>
public static class BrowserEndpoints
{
    private const string Placeholder = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Lemegeton gateway</title></head>
        <body><h1>Lemegeton gateway</h1><p>The dashboard's files are not in this build. The state is at <a href="/api/state">/api/state</a>; events stream on <code>/ws</code>.</p></body></html>
        """;

    private static readonly Assembly Assets = typeof(BrowserEndpoints).Assembly;
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static void Map(WebApplication app, GatewayRouter router, GatewayStatusSource status)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.MapGet("/api/state", () => Results.Bytes(router.StateJson(), "application/json"));
        app.MapGet("/api/status", () => Results.Bytes(status.Json(), "application/json"));
        app.Map("/ws", context => ServeWebSocketAsync(context, router, app.Lifetime, app.Logger));
        app.MapGet("/", context => ServeAssetAsync(context, "index.html"));
        app.MapGet("/{**path}", (HttpContext context, string path) => ServeAssetAsync(context, path));
    }

    /// <summary>The embedded dashboard files, as request paths (<c>index.html</c>, <c>app.js</c>, …).</summary>
    public static IEnumerable<string> AssetNames() =>
        Assets.GetManifestResourceNames().Where(n => n.StartsWith("wwwroot/", StringComparison.Ordinal)).Select(n => n["wwwroot/".Length..]);

    private static async Task ServeAssetAsync(HttpContext context, string path)
    {
        if (path.Contains("..", StringComparison.Ordinal)) { context.Response.StatusCode = 404; return; }
        await using var stream = Assets.GetManifestResourceStream("wwwroot/" + path);
        if (stream is null)
        {
            if (path == "index.html")
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(Placeholder).ConfigureAwait(false);
                return;
            }
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.ContentType = ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";
        if (type is not null && (type.StartsWith("text/", StringComparison.Ordinal) || type.Contains("javascript", StringComparison.Ordinal))) context.Response.ContentType = type + "; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.ContentLength = stream.Length;
        await stream.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task ServeWebSocketAsync(HttpContext context, GatewayRouter router, IHostApplicationLifetime lifetime, ILogger logger)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync("WebSocket requests only").ConfigureAwait(false);
            return;
        }

        long? since = null;
        if (context.Request.Query.TryGetValue("since", out var sinceText))
        {
            if (!long.TryParse(sinceText, NumberStyles.None, CultureInfo.InvariantCulture, out var s))
            {
                context.Response.StatusCode = 400;
                await context.Response.WriteAsync("since: a whole number (the last seq received) expected").ConfigureAwait(false);
                return;
            }
            since = s;
        }

        var filter = BrowserFilter.From(context.Request.Query);
        var (socket, stream) = await AcceptAsync(context).ConfigureAwait(false);
        using var _ = socket;
        var client = new BrowserClient(router.NextBrowserId(), socket, filter, router.Options.ClientQueue, stream);
        GatewayLog.BrowserConnected(logger, client.Id, !filter.IsAll);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        router.AddBrowser(client, since);
        var sending = client.SendLoopAsync(done.Token);
        var receiving = ReceiveAsync(client, router, logger, done.Token);
        try
        {
            await Task.WhenAny(sending, receiving).ConfigureAwait(false);
        }
        finally
        {
            router.RemoveBrowser(client);
            await done.CancelAsync().ConfigureAwait(false);
            try { await Task.WhenAll(sending, receiving).ConfigureAwait(false); }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException) { }
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                var (status, reason) = client.Overflowed ? (WebSocketCloseStatus.PolicyViolation, "too slow: the gateway's queue for this client is full")
                    : lifetime.ApplicationStopping.IsCancellationRequested ? (WebSocketCloseStatus.EndpointUnavailable, "gateway stopping")
                    : (WebSocketCloseStatus.NormalClosure, "bye");
                using var closeTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                try { await socket.CloseOutputAsync(status, reason, closeTimeout.Token).ConfigureAwait(false); }
                catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException) { }
            }
            GatewayLog.BrowserDisconnected(logger, client.Id);
        }
    }

    /// <summary>
    /// The WebSocket handshake done here (RFC 6455 §4.2.2) rather than by AcceptWebSocketAsync, so the
    /// WebSocket runs over a <see cref="CoalescingStream"/> that sends a batch of frames in one write.
    /// </summary>
    private static async Task<(WebSocket, CoalescingStream)> AcceptAsync(HttpContext context)
    {
        var key = context.Request.Headers.SecWebSocketKey.ToString();
        var accept = Convert.ToBase64String(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
        context.Response.Headers.Connection = "Upgrade";
        context.Response.Headers.Upgrade = "websocket";
        context.Response.Headers.SecWebSocketAccept = accept;
        var upgrade = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpUpgradeFeature>()
            ?? throw new InvalidOperationException("the connection cannot be upgraded");
        var stream = new CoalescingStream(await upgrade.UpgradeAsync().ConfigureAwait(false));
        var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.FromSeconds(30) });
        return (socket, stream);
    }

    private static async Task ReceiveAsync(BrowserClient client, GatewayRouter router, ILogger logger, CancellationToken token)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        var chunk = new byte[4096];
        while (true)
        {
            var result = await client.Socket.ReceiveAsync(chunk, token).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close) return;
            if (buffer.WrittenCount + result.Count > 64 * 1024)
            {
                GatewayLog.BrowserBadMessage(logger, client.Id, "longer than 64 KiB");
                return;
            }
            buffer.Write(chunk.AsSpan(0, result.Count));
            if (!result.EndOfMessage) continue;
            Handle(client, router, logger, buffer.WrittenMemory);
            buffer.ResetWrittenCount();
        }
    }

    private static void Handle(BrowserClient client, GatewayRouter router, ILogger logger, ReadOnlyMemory<byte> message)
    {
        try
        {
            using var doc = JsonDocument.Parse(message);
            var root = doc.RootElement;
            if (Dashboard.DashboardState.Str(root, "type") != "command")
            {
                GatewayLog.BrowserBadMessage(logger, client.Id, "only {\"type\":\"command\",…} is accepted");
                return;
            }
            var id = Dashboard.DashboardState.Str(root, "id");
            var name = Dashboard.DashboardState.Str(root, "name");
            if (id is null || name is null)
            {
                GatewayLog.BrowserBadMessage(logger, client.Id, "a command needs a string id and name");
                return;
            }
            router.Command(client, id, name, root.TryGetProperty("args", out var args) ? args : default);
        }
        catch (JsonException e)
        {
            GatewayLog.BrowserBadMessage(logger, client.Id, e.Message);
        }
    }
}
