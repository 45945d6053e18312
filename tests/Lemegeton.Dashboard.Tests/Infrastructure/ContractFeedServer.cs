using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Dashboard.Tests.Infrastructure;

/// <summary>
/// A stand-in for the gateway's browser side, exactly as CONTRACT-gateway.md (docs/gateway.md)
/// specifies it: the dashboard's static files, <c>GET /api/state</c> and <c>/ws</c> with filters,
/// fed by the test (scripted events, hub link up/down, command answers). Kestrel on a free
/// loopback port. It is test input for the dashboard; the real gateway replaces it once merged.
/// </summary>
public sealed class ContractFeedServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly List<FeedClient> _clients = [];
    private readonly Channel<JsonObject> _commands = Channel.CreateUnbounded<JsonObject>();
    private readonly Channel<string> _subscriptions = Channel.CreateUnbounded<string>();
    private long _seq;
    private bool _refusing;

    private ContractFeedServer(WebApplication app, JsonObject state)
    {
        _app = app;
        State = state;
        State["events"] ??= new JsonArray();
    }

    /// <summary>The state served by /api/state and in every snapshot (events are appended as published).</summary>
    public JsonObject State { get; }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Commands the browser sent, in order.</summary>
    public ChannelReader<JsonObject> Commands => _commands.Reader;

    /// <summary>The query string of every /ws subscription, in order ("" when unfiltered).</summary>
    public ChannelReader<string> Subscriptions => _subscriptions.Reader;

    /// <summary>The answer to a command; by default ok with <c>{"accepted": name}</c>.</summary>
    public Func<JsonObject, JsonObject> CommandHandler { get; set; } = cmd => new JsonObject
    {
        ["ok"] = true,
        ["result"] = new JsonObject { ["accepted"] = cmd["name"]?.GetValue<string>() },
    };

    public static async Task<ContractFeedServer> StartAsync(JsonObject state)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new ContractFeedServer(app, state);
        var files = new PhysicalFileProvider(root);
        app.UseWebSockets();
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapGet("/api/state", () => { lock (server._lock) return Results.Text(server.State.ToJsonString(), "application/json"); });
        app.Map("/ws", server.AcceptAsync);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.First());
        return server;
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest) { context.Response.StatusCode = 400; return; }
        if (Volatile.Read(ref _refusing)) { context.Response.StatusCode = 503; return; }
        var socket = await context.WebSockets.AcceptWebSocketAsync();
        var q = context.Request.Query;
        var client = new FeedClient(socket, List(q["pr"]), List(q["agent"]), List(q["event"]));
        lock (_lock)
        {
            client.Enqueue(new JsonObject { ["type"] = "snapshot", ["state"] = State.DeepClone() });
            _clients.Add(client);
        }
        _subscriptions.Writer.TryWrite(context.Request.QueryString.Value ?? "");
        var sending = client.SendLoopAsync();
        try
        {
            await foreach (var message in client.ReceiveAsync())
            {
                if (message["type"]?.GetValue<string>() != "command") continue;
                _commands.Writer.TryWrite(message);
                var answer = CommandHandler(message);
                answer["type"] = "command_result";
                answer["id"] = message["id"]?.DeepClone();
                client.Enqueue(answer);
                var name = message["name"]?.GetValue<string>();
                if (name is "pause" or "resume" && answer["ok"]?.GetValue<bool>() == true)
                    Publish(name == "pause" ? "scheduling.paused" : "scheduling.resumed", new { by = "dashboard" });
            }
        }
        finally
        {
            lock (_lock) _clients.Remove(client);
            client.Complete();
            await sending;
        }
    }

    private static string[] List(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A hub event as the gateway forwards it: numbered, time-stamped, to every client whose filters pass it.</summary>
    public long Publish(string name, object data, object? ctx = null, string type = "event")
    {
        lock (_lock)
        {
            var seq = ++_seq;
            var message = new JsonObject
            {
                ["type"] = type,
                ["seq"] = seq,
                ["name"] = name,
                ["ts"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                ["data"] = JsonSerializer.SerializeToNode(data, Json),
                ["ctx"] = JsonSerializer.SerializeToNode(ctx ?? new { }, Json),
            };
            var events = State["events"]!.AsArray();
            events.Add(message.DeepClone());
            while (events.Count > 200) events.RemoveAt(0);
            foreach (var c in _clients) if (c.Passes(message)) c.Enqueue(message.DeepClone());
            return seq;
        }
    }

    /// <summary>The hub link going away or coming back.</summary>
    public void SetHubConnected(bool connected)
    {
        lock (_lock)
        {
            var since = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var hub = State["hub"]!.AsObject();
            hub["connected"] = connected;
            hub["since"] = since;
            var message = new JsonObject { ["type"] = "hub", ["connected"] = connected, ["hubId"] = hub["hubId"]?.DeepClone(), ["since"] = since };
            foreach (var c in _clients) c.Enqueue(message.DeepClone());
        }
    }

    /// <summary>The gateway going away: every socket is cut and new ones are refused until <see cref="Accept"/>.</summary>
    public void CutAndRefuse()
    {
        Volatile.Write(ref _refusing, true);
        lock (_lock) foreach (var c in _clients) c.Abort();
    }

    public void Accept() => Volatile.Write(ref _refusing, false);

    public int ClientCount { get { lock (_lock) return _clients.Count; } }

    public async ValueTask DisposeAsync()
    {
        CutAndRefuse();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class FeedClient(WebSocket socket, string[] prs, string[] agents, string[] events)
    {
        private readonly Channel<string> _outbound = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

        public bool Passes(JsonObject message)
        {
            var data = message["data"] as JsonObject;
            var ctx = message["ctx"] as JsonObject;
            static string? S(JsonObject? o, string key) => o?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (prs.Length > 0 && !prs.Contains(S(ctx, "prId")) && !prs.Contains(S(data, "prId"))) return false;
            if (agents.Length > 0 && !agents.Contains(S(ctx, "agentId")) && !agents.Contains(S(data, "agentId"))) return false;
            return events.Length == 0 || events.Contains(message["name"]?.GetValue<string>());
        }

        public void Enqueue(JsonNode message) => _outbound.Writer.TryWrite(message.ToJsonString());

        public void Complete() => _outbound.Writer.TryComplete();

        public void Abort() { socket.Abort(); Complete(); }

        public async Task SendLoopAsync()
        {
            try
            {
                await foreach (var text in _outbound.Reader.ReadAllAsync())
                    await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
            }
            catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException) { }
        }

        public async IAsyncEnumerable<JsonObject> ReceiveAsync()
        {
            var buffer = new byte[16 * 1024];
            var message = new MemoryStream();
            while (socket.State == WebSocketState.Open)
            {
                WebSocketReceiveResult result;
                try { result = await socket.ReceiveAsync(buffer, CancellationToken.None); }
                catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException) { yield break; }
                if (result.MessageType == WebSocketMessageType.Close) yield break;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                var node = JsonNode.Parse(message.ToArray()) as JsonObject;
                message.SetLength(0);
                if (node is not null) yield return node;
            }
        }
    }
}
