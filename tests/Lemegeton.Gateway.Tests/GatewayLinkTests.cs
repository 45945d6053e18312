using Akka.Actor;
using Lemegeton.Gateway.Ipc;
using Lemegeton.Gateway.Tests.Infrastructure;
using Lemegeton.Hub.Events;
using Lemegeton.Hub.Gateway;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lemegeton.Gateway.Tests;

/// <summary>The hub's link against an in-process IPC server on a real socket.</summary>
public sealed class GatewayLinkTests : IAsyncLifetime
{
    private readonly TempRepo _repo = new();
    private GatewayRouter _router = null!;
    private IpcServer _server = null!;

    public async Task InitializeAsync()
    {
        _router = new GatewayRouter(new GatewayOptions(), NullLogger<GatewayRouter>.Instance);
        _server = new IpcServer(new GatewayPaths(_repo.Root, _repo.Socket), _router, NullLogger<IpcServer>.Instance, TimeProvider.System);
        await _server.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _repo.Dispose();
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_link_stopped_deliberately_says_bye_and_never_reconnects()
    {
        using var hub = await HubLink.StartAsync(_repo.Socket, _repo.StateDirectory);
        await hub.WaitForAsync(s => s.Connected);
        Assert.True(_router.HubConnected);
        Assert.Equal(1, _router.Counters.Connections);

        Assert.True(await hub.Link.GracefulStop(TimeSpan.FromSeconds(10)));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_router.HubConnected && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.False(_router.HubConnected);
        // Longer than three reconnect delays at this link's maximum (400 ms, +20 % jitter): absence can only be waited for.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(1, _router.Counters.Connections);
    }

    [Fact]
    public async Task Events_carry_their_correlation_context_and_the_seq_ceiling_is_reserved_before_use()
    {
        using var hub = await HubLink.StartAsync(_repo.Socket, _repo.StateDirectory);
        await hub.WaitForAsync(s => s.Connected);
        hub.Publish(new AgentRegistered("session-1", "worker-1", "worker", 1));
        hub.Publish(new PrAssigned("PR-007", "session-1", "worker-1", 42, "in-progress", "implement"));
        hub.Publish(new LeaseGranted("session-1", "PR-007", ["src/a.cs"], 42));
        await hub.WaitForAsync(s => s.Acked == 3);

        using var state = System.Text.Json.JsonDocument.Parse(_router.StateJson());
        var events = state.RootElement.GetProperty("events").EnumerateArray().ToList();
        var lease = events.Single(e => e.GetProperty("name").GetString() == "lease.granted");
        var ctx = lease.GetProperty("ctx");
        Assert.Equal("PR-007", ctx.GetProperty("prId").GetString());
        Assert.Equal("worker-1", ctx.GetProperty("agentId").GetString());
        Assert.Equal("PR-007@42", ctx.GetProperty("runId").GetString());
        var leases = state.RootElement.GetProperty("leases").EnumerateArray().Single();
        Assert.Equal("src/a.cs", leases.GetProperty("file").GetString());
        Assert.Equal("worker-1", leases.GetProperty("agent").GetString());

        var file = File.ReadAllLines(Path.Combine(_repo.StateDirectory, GatewaySeqStore.FileName));
        Assert.Equal((await hub.StatusAsync()).HubId, file[0]);
        Assert.True(long.Parse(file[1], System.Globalization.CultureInfo.InvariantCulture) >= 3, "the ceiling covers every seq used");
    }
}
