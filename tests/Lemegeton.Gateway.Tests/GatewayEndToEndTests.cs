using System.Text.Json;
using Akka.Actor;
using Lemegeton.Gateway.Tests.Infrastructure;
using Lemegeton.Hub.Actors.Operator;
using Lemegeton.Hub.Events;

namespace Lemegeton.Gateway.Tests;

/// <summary>
/// Hub link (an in-process ActorSystem running GatewayLinkActor) → the real gateway process → a
/// WebSocket client, over real sockets.
/// </summary>
[Trait("Category", "Slow")]
public sealed class GatewayEndToEndTests : IDisposable
{
    private readonly TempRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    private static PrTransitioned Numbered(int i) => new($"PR-{i % 50:000}", "ready", "in-progress", "worker-1", null, i.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task A_gateway_killed_while_the_hub_emits_and_restarted_3_s_later_loses_and_repeats_nothing()
    {
        const int total = 10_000;
        var gateway = GatewayProcess.Start(_repo.Root);
        await gateway.WaitReadyAsync();
        // The buffer holds every event emitted while the gateway is away (the overflow test covers a smaller one).
        using var hub = await HubLink.StartAsync(_repo.Socket, _repo.StateDirectory, resendBuffer: 16_384);
        await hub.WaitForAsync(s => s.Connected);

        var browser = await TestBrowser.ConnectAsync(gateway.WebSocketUri());
        await browser.ReceiveUntilAsync(f => f.GetProperty("type").GetString() == "snapshot"); // registered: every later event reaches it
        var received = new List<int>();
        long lastSeq = 0;
        var dropped = 0;

        bool Take(JsonElement frame)
        {
            if (frame.GetProperty("type").GetString() != "event") return false;
            var name = frame.GetProperty("name").GetString();
            if (name == "ipc.dropped") { dropped++; return false; }
            if (name != "pr.transitioned") return false;
            var seq = frame.GetProperty("seq").GetInt64();
            Assert.True(seq > lastSeq, $"seq {seq} after {lastSeq}");
            lastSeq = seq;
            received.Add(int.Parse(frame.GetProperty("data").GetProperty("reason").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("PR-" + (received[^1] % 50).ToString("000", System.Globalization.CultureInfo.InvariantCulture), frame.GetProperty("ctx").GetProperty("prId").GetString());
            return true;
        }

        for (var i = 0; i < 3_000; i++) hub.Publish(Numbered(i));
        // Read until part of the stream has arrived: the kill lands mid-stream.
        while (received.Count < 1_000)
        {
            using var frame = await browser.ReceiveAsync() ?? throw new InvalidOperationException("the first gateway closed early");
            Take(frame.RootElement);
        }

        gateway.Kill();
        Assert.True(File.Exists(_repo.Socket), "a killed gateway leaves its socket file behind");
        // Whatever the first gateway sent before it died is still readable.
        while (await browser.ReceiveAsync() is { } frame) using (frame) Take(frame.RootElement);
        browser.Dispose();

        for (var i = 3_000; i < total; i++) hub.Publish(Numbered(i)); // emitted while no gateway runs
        await Task.Delay(TimeSpan.FromSeconds(3)); // the scenario: restarted 3 s later
        using var restarted = GatewayProcess.Start(_repo.Root); // removes the stale socket
        await restarted.WaitReadyAsync();

        using var resumed = await TestBrowser.ConnectAsync(restarted.WebSocketUri($"?since={lastSeq}"));
        while (received.Count < total)
        {
            var next = resumed.ReceiveAsync(TimeSpan.FromSeconds(30));
            if (await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(29))) != next)
                Assert.Fail($"stalled after {received.Count} events (last seq {lastSeq}); link {await hub.StatusAsync()}; first missing {Enumerable.Range(0, total).Except(received).FirstOrDefault()}");
            using var frame = await next ?? throw new InvalidOperationException("the second gateway closed");
            Take(frame.RootElement);
        }

        Assert.Equal(Enumerable.Range(0, total), received);
        Assert.Equal(0, dropped);
        var status = await hub.StatusAsync();
        Assert.Equal(0, status.Evicted);
    }

    [Fact]
    public async Task An_overflowing_buffer_is_announced_as_ipc_dropped_with_the_exact_lost_seqs()
    {
        using var hub = await HubLink.StartAsync(_repo.Socket, _repo.StateDirectory, resendBuffer: 1000);
        for (var i = 0; i < 5_000; i++) hub.Publish(Numbered(i));
        var status = await hub.WaitForAsync(s => s.NextSeq == 5_001);
        Assert.Equal(4_000, status.Evicted);

        using var gateway = GatewayProcess.Start(_repo.Root);
        await gateway.WaitReadyAsync();
        await hub.WaitForAsync(s => s.Connected && s.Acked == 5_000);
        using var browser = await TestBrowser.ConnectAsync(gateway.WebSocketUri("?since=0"));

        var dropped = await browser.ReceiveUntilAsync(f => f.GetProperty("type").GetString() == "event");
        Assert.Equal("ipc.dropped", dropped.GetProperty("name").GetString());
        Assert.Equal(1, dropped.GetProperty("data").GetProperty("firstSeq").GetInt64());
        Assert.Equal(4_000, dropped.GetProperty("data").GetProperty("lastSeq").GetInt64());
        Assert.Equal(4_000, dropped.GetProperty("data").GetProperty("count").GetInt64());
        for (var expected = 4_001L; expected <= 5_000; expected++)
        {
            var e = await browser.ReceiveUntilAsync(f => f.GetProperty("type").GetString() == "event");
            Assert.Equal(expected, e.GetProperty("seq").GetInt64());
            Assert.Equal((expected - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), e.GetProperty("data").GetProperty("reason").GetString());
        }
    }

    [Fact]
    public async Task A_hub_that_goes_away_is_shown_away_and_recovers_with_seqs_continuing_above_the_last_run()
    {
        using var gateway = GatewayProcess.Start(_repo.Root);
        await gateway.WaitReadyAsync();
        using var browser = await TestBrowser.ConnectAsync(gateway.WebSocketUri());
        var snapshot = await browser.ReceiveUntilAsync(f => f.GetProperty("type").GetString() == "snapshot");
        Assert.False(snapshot.GetProperty("state").GetProperty("hub").GetProperty("connected").GetBoolean());

        long firstRunLast;
        using (var hub = await HubLink.StartAsync(_repo.Socket, _repo.StateDirectory))
        {
            var up = await browser.ReceiveUntilAsync(f => f.GetProperty("type").GetString() == "hub");
            Assert.True(up.GetProperty("connected").GetBoolean());
            for (var i = 0; i < 10; i++) hub.Publish(Numbered(i));
            var last = await browser.ReceiveUntilAsync(f => f.GetProperty("type").GetString() == "event" && f.GetProperty("data").GetProperty("reason").GetString() == "9");
            firstRunLast = last.GetProperty("seq").GetInt64();
        } // the hub's actor system ends: the link goes away

        var down = await browser.ReceiveUntilAsync(f => f.GetProperty("type").GetString() == "hub");
        Assert.False(down.GetProperty("connected").GetBoolean());
        using (var state = await gateway.GetJsonAsync("/api/state"))
            Assert.False(state.RootElement.GetProperty("hub").GetProperty("connected").GetBoolean());

        using var again = await HubLink.StartAsync(_repo.Socket, _repo.StateDirectory);
        var back = await browser.ReceiveUntilAsync(f => f.GetProperty("type").GetString() == "hub");
        Assert.True(back.GetProperty("connected").GetBoolean());
        again.Publish(Numbered(10));
        var next = await browser.ReceiveUntilAsync(f => f.GetProperty("type").GetString() == "event");
        Assert.Equal("10", next.GetProperty("data").GetProperty("reason").GetString());
        Assert.True(next.GetProperty("seq").GetInt64() > firstRunLast, "seqs never repeat across hub restarts (else the gateway would drop them as duplicates)");
        using (var state = await gateway.GetJsonAsync("/api/state"))
            Assert.True(state.RootElement.GetProperty("hub").GetProperty("connected").GetBoolean());
    }

    [Fact]
    public async Task An_operator_command_from_the_browser_reaches_the_coordinator_and_its_result_comes_back()
    {
        using var gateway = GatewayProcess.Start(_repo.Root);
        await gateway.WaitReadyAsync();
        using var hub = await HubLink.StartAsync(_repo.Socket, _repo.StateDirectory, makeCoordinator: s => s.ActorOf(Props.Create(() => new AnsweringCoordinator()), "coordinator"));
        await hub.WaitForAsync(s => s.Connected);
        using var browser = await TestBrowser.ConnectAsync(gateway.WebSocketUri());

        await browser.SendAsync("""{"type":"command","id":"c1","name":"requeue","args":{"prId":"PR-003"}}""");
        var result = await browser.ReceiveUntilAsync(f => f.GetProperty("type").GetString() == "command_result");
        Assert.Equal("c1", result.GetProperty("id").GetString());
        Assert.True(result.GetProperty("ok").GetBoolean());
        Assert.Equal("requeued PR-003 (by dashboard)", result.GetProperty("result").GetString());

        await browser.SendAsync("""{"type":"command","id":"c2","name":"explode","args":{}}""");
        var refused = await browser.ReceiveUntilAsync(f => f.GetProperty("type").GetString() == "command_result");
        Assert.Equal("c2", refused.GetProperty("id").GetString());
        Assert.False(refused.GetProperty("ok").GetBoolean());
        Assert.Contains("unknown command", refused.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_second_gateway_in_the_same_repository_exits_4_and_leaves_the_first_running()
    {
        using var first = GatewayProcess.Start(_repo.Root);
        await first.WaitReadyAsync();
        using var second = GatewayProcess.Start(_repo.Root);
        await second.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(4, second.Process.ExitCode);
        Assert.Contains($"pid {first.Process.Id}", second.Output);
        using var status = await first.GetJsonAsync("/api/status");
        Assert.Equal(first.Process.Id, status.RootElement.GetProperty("pid").GetInt32());
    }

    /// <summary>Stands in for the coordinator's operator handlers (written on another branch): answers every command.</summary>
    private sealed class AnsweringCoordinator : ReceiveActor
    {
        public AnsweringCoordinator()
        {
            Receive<RequeuePr>(r => Sender.Tell(new OperatorResult(true, $"requeued {r.PrId} (by {r.By})")));
            Receive<IOperatorCommand>(c => Sender.Tell(new OperatorResult(true, c.GetType().Name)));
        }
    }
}
