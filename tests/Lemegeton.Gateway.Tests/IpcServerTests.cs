using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Lemegeton.Gateway.Ipc;
using Lemegeton.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lemegeton.Gateway.Tests;

/// <summary>The IPC server on a real Unix socket, driven by a raw client writing NDJSON.</summary>
public sealed class IpcServerTests : IAsyncLifetime
{
    private readonly TempRepo _repo = new();
    private GatewayRouter _router = null!;
    private IpcServer _server = null!;

    public async Task InitializeAsync()
    {
        (_router, _server) = Create();
        await _server.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _repo.Dispose();
    }

    private (GatewayRouter, IpcServer) Create()
    {
        var router = new GatewayRouter(new GatewayOptions(), NullLogger<GatewayRouter>.Instance);
        var server = new IpcServer(new GatewayPaths(_repo.Root, _repo.Socket), router, NullLogger<IpcServer>.Instance, TimeProvider.System);
        return (router, server);
    }

    [Fact]
    public void The_socket_is_owner_only()
    {
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_repo.Socket));
    }

    [Fact]
    public async Task A_live_gateway_is_never_displaced()
    {
        var (_, second) = Create();
        var e = await Assert.ThrowsAsync<GatewayAlreadyRunningException>(() => second.StartAsync(CancellationToken.None));
        Assert.Contains(_repo.Socket, e.Message);
        // The first still serves.
        using var client = await RawClient.ConnectAsync(_repo.Socket);
        var welcome = await client.HelloAsync("hub-a");
        Assert.Equal("welcome", welcome.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Malformed_and_oversize_lines_are_counted_and_skipped_and_the_connection_is_kept()
    {
        using var client = await RawClient.ConnectAsync(_repo.Socket);
        await client.SendAsync("""{"type":"event","seq":1,"name":"pr.transitioned","data":{}}""" + "\n"); // before hello
        await client.HelloAsync("hub-a");
        await client.SendAsync("this is not json\n");
        await client.SendAsync("[1,2,3]\n");
        await client.SendAsync("""{"type":"event","name":"pr.transitioned"}""" + "\n"); // no seq
        await client.SendAsync("{\"type\":\"event\",\"seq\":1,\"name\":\"x\",\"data\":\"" + new string('a', 1_100_000) + "\"}\n");
        await client.SendAsync("""{"type":"event","seq":1,"ts":5,"name":"pr.transitioned","data":{"prId":"PR-001","from":"ready","to":"completed"},"ctx":{"prId":"PR-001","agentId":null,"runId":null}}""" + "\n");
        var ack = await client.ReceiveUntilAsync(l => l.GetProperty("type").GetString() == "ack");
        Assert.Equal(1, ack.GetProperty("seq").GetInt64());

        var c = _router.Counters;
        Assert.Equal(3, c.Malformed);
        Assert.Equal(1, c.Oversize);
        Assert.Equal(1, c.BeforeHello);
        Assert.Equal(1, c.Events);
        using var state = JsonDocument.Parse(_router.StateJson());
        var pr = state.RootElement.GetProperty("prs").EnumerateArray().Single();
        Assert.Equal("completed", pr.GetProperty("cold").GetString());
    }

    [Fact]
    public async Task A_seq_is_delivered_once_per_hub_and_a_reconnecting_hub_learns_the_last_one()
    {
        using (var client = await RawClient.ConnectAsync(_repo.Socket))
        {
            Assert.Equal(0, (await client.HelloAsync("hub-a")).GetProperty("lastSeq").GetInt64());
            foreach (var seq in new[] { 1, 2, 2, 1, 3 }) await client.SendAsync(Event(seq));
            var ack = await client.ReceiveUntilAsync(l => l.GetProperty("type").GetString() == "ack" && l.GetProperty("seq").GetInt64() == 3);
            Assert.Equal(3, ack.GetProperty("seq").GetInt64());
        }

        Assert.Equal(3, _router.Counters.Events);
        Assert.Equal(2, _router.Counters.Duplicates);
        using var again = await RawClient.ConnectAsync(_repo.Socket);
        Assert.Equal(3, (await again.HelloAsync("hub-a")).GetProperty("lastSeq").GetInt64());
        using var other = await RawClient.ConnectAsync(_repo.Socket);
        Assert.Equal(0, (await other.HelloAsync("hub-b")).GetProperty("lastSeq").GetInt64());
    }

    [Fact]
    public async Task A_ping_is_answered_with_its_nonce()
    {
        using var client = await RawClient.ConnectAsync(_repo.Socket);
        await client.HelloAsync("hub-a");
        await client.SendAsync("""{"type":"ping","nonce":42,"ts":1}""" + "\n");
        var pong = await client.ReceiveUntilAsync(l => l.GetProperty("type").GetString() == "pong");
        Assert.Equal(42, pong.GetProperty("nonce").GetInt64());
    }

    private static string Event(long seq) =>
        "{\"type\":\"event\",\"seq\":" + seq + ",\"ts\":1,\"name\":\"agent.joined\",\"data\":{\"agentId\":\"a" + seq + "\",\"type\":\"worker\"},\"ctx\":{\"prId\":null,\"agentId\":\"a" + seq + "\",\"runId\":null}}\n";

    /// <summary>A hub-side client speaking raw NDJSON.</summary>
    private sealed class RawClient : IDisposable
    {
        private readonly Socket _socket;
        private readonly NetworkStream _stream;
        private readonly StreamReader _reader;

        private RawClient(Socket socket)
        {
            _socket = socket;
            _stream = new NetworkStream(socket, ownsSocket: true);
            _reader = new StreamReader(_stream, Encoding.UTF8);
        }

        public static async Task<RawClient> ConnectAsync(string path)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path));
            return new RawClient(socket);
        }

        public async Task SendAsync(string text) => await _stream.WriteAsync(Encoding.UTF8.GetBytes(text));

        public async Task<JsonElement> HelloAsync(string hubId)
        {
            await SendAsync($$"""{"type":"hello","role":"hub","version":"test","pid":1,"hubId":"{{hubId}}","ts":1}""" + "\n");
            return await ReceiveUntilAsync(l => l.GetProperty("type").GetString() == "welcome");
        }

        public async Task<JsonElement> ReceiveUntilAsync(Func<JsonElement, bool> match)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (true)
            {
                var line = await _reader.ReadLineAsync(cts.Token) ?? throw new InvalidOperationException("the gateway closed the connection");
                using var doc = JsonDocument.Parse(line);
                if (match(doc.RootElement)) return doc.RootElement.Clone();
            }
        }

        public void Dispose()
        {
            _reader.Dispose();
            _socket.Dispose();
        }
    }
}
