using System.Diagnostics;
using Akka.Actor;
using Akka.Cluster;
using Akka.Hosting;
using Lemegeton.Hosting.Tests.Infrastructure;
using Lemegeton.Hosting.Tests.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace Lemegeton.Hosting.Tests;

/// <summary>
/// A real two-node cluster on loopback, each node on its own generic host: a hub (role hub, its own
/// seed) and an agent (role agent) that joins it. Timeouts are generous; speed is measured in the
/// benchmarks, not here.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ClusterTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    private static void BindTestSerializer(AkkaConfigurationBuilder builder) =>
        builder.WithCustomSerializer("lemegeton-test", [typeof(IWireTestMessage)], system => new TestJsonSerializer(system));

    [Fact]
    public async Task Agent_joins_the_hub_and_a_message_round_trips_through_the_coordinator_singleton()
    {
        await using var hub = await ClusterNode.StartHubAsync(configure: b =>
        {
            BindTestSerializer(b);
            b.WithHubCoordinator<CoordinatorKey>(Props.Create<EchoCoordinator>());
        });
        var (probe, events) = ChannelProbes.Create(hub.System);
        hub.Cluster.Subscribe(probe, ClusterEvent.InitialStateAsEvents, typeof(ClusterEvent.MemberUp));

        await using var agent = await ClusterNode.StartAgentAsync(hub, configure: b =>
        {
            BindTestSerializer(b);
            b.WithHubCoordinatorProxy<CoordinatorKey>();
        });

        var up = await events.ExpectAsync<ClusterEvent.MemberUp>(e => e.Member.Address == agent.Address, Generous);
        Assert.Contains(NodeRoleNames.Agent, up.Member.Roles);
        Assert.Contains(NodeRoleNames.Hub, hub.Cluster.SelfRoles);
        Assert.DoesNotContain(NodeRoleNames.Hub, agent.Cluster.SelfRoles);

        var coordinator = await agent.Registry.GetAsync<CoordinatorKey>();
        var pong = await coordinator.Ask<Pong>(new Ping("hello"), Generous);

        Assert.Equal(new Pong("hello", hub.Address.ToString()), pong);
        // The messages crossed the wire through the serializer bound by the hook, not Akka's default.
        var serializer = Assert.IsType<TestJsonSerializer>(agent.System.Serialization.FindSerializerFor(new Ping("x")));
        Assert.True(serializer.Written > 0, "the agent wrote no Ping through the bound serializer");
        Assert.True(((TestJsonSerializer)hub.System.Serialization.FindSerializerFor(new Pong("x", "y"))).Written > 0);
    }

    [Fact]
    public async Task Values_from_our_HOCON_are_in_the_running_system_and_logs_reach_Serilog()
    {
        const string conf = """
            akka.cluster.failure-detector.acceptable-heartbeat-pause = 1700ms
            akka.lemegeton-probe.list = [a]
            akka.lemegeton-probe.list += b
            """;
        await using var hub = await ClusterNode.StartHubAsync(conf, ["akka.loglevel=DEBUG"]);

        var config = hub.System.Settings.Config;
        Assert.Equal(TimeSpan.FromMilliseconds(1700), config.GetTimeSpan("akka.cluster.failure-detector.acceptable-heartbeat-pause"));
        Assert.Equal(TimeSpan.FromMilliseconds(1700), hub.Cluster.Settings.FailureDetectorConfig.GetTimeSpan("acceptable-heartbeat-pause"));
        Assert.Equal(["a", "b"], config.GetStringList("akka.lemegeton-probe.list"));
        Assert.True(hub.System.Log.IsDebugEnabled, "akka.loglevel=DEBUG from --set did not reach the system");
        Assert.Equal(["hub"], config.GetStringList("akka.cluster.roles"));

        var (probe, events) = ChannelProbes.Create(hub.System);
        hub.Cluster.Subscribe(probe, ClusterEvent.InitialStateAsEvents, typeof(ClusterEvent.MemberUp));
        await events.ExpectAsync<ClusterEvent.MemberUp>(e => e.Member.Address == hub.Address, Generous);

        Assert.Contains(hub.Logs.Events, e => e.Message.Contains("started with role \"hub\"", StringComparison.Ordinal) || e.Message.Contains("started with role hub", StringComparison.Ordinal));
        // Akka's own events (the cluster's, at INFO and DEBUG) go through the ILoggerFactory bridge.
        Assert.Contains(hub.Logs.Events, e => e.Source.StartsWith("Akka.", StringComparison.Ordinal) && e.Level == Serilog.Events.LogEventLevel.Debug);
        Assert.Contains(hub.Logs.Events, e => e.Message.Contains("Cluster Node", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_killed_agent_is_noticed_unreachable_and_removed_by_the_hub()
    {
        await using var hub = await ClusterNode.StartHubAsync();
        var (probe, events) = ChannelProbes.Create(hub.System);
        hub.Cluster.Subscribe(probe, ClusterEvent.InitialStateAsEvents,
            typeof(ClusterEvent.MemberUp), typeof(ClusterEvent.UnreachableMember), typeof(ClusterEvent.MemberRemoved));
        // A crash, as the hub sees it: the agent's system stops without leaving the cluster (no
        // CoordinatedShutdown, so no Leave), its sockets close and its heartbeats stop.
        await using var agent = await ClusterNode.StartAgentAsync(hub, configure: b =>
            b.AddHocon("akka.coordinated-shutdown.run-by-actor-system-terminate = off", HoconAddMode.Prepend));
        await events.ExpectAsync<ClusterEvent.MemberUp>(e => e.Member.Address == agent.Address, Generous);

        var clock = Stopwatch.StartNew();
        await agent.System.Terminate();
        var stopped = clock.Elapsed;
        var unreachable = await events.ExpectAsync<ClusterEvent.UnreachableMember>(e => e.Member.Address == agent.Address, Generous);
        var noticed = clock.Elapsed;
        var removed = await events.ExpectAsync<ClusterEvent.MemberRemoved>(e => e.Member.Address == agent.Address, Generous);
        output.WriteLine($"agent stopped after {stopped.TotalMilliseconds:F0} ms, unreachable after {noticed.TotalMilliseconds:F0} ms, removed after {clock.Elapsed.TotalMilliseconds:F0} ms");

        Assert.Contains(NodeRoleNames.Agent, unreachable.Member.Roles);
        Assert.Equal(MemberStatus.Down, removed.PreviousStatus);   // downed by the resolver, not a graceful leave
        Assert.Equal(MemberStatus.Up, hub.Cluster.SelfMember.Status);
    }

    [Fact]
    public async Task A_killed_agent_whose_connection_closes_is_downed_and_removed_without_waiting_for_the_failure_detector()
    {
        // A failure detector that would take a minute: only the hub's AgentNodeDowning (down and
        // quarantine on a closed connection) can remove the agent within the test's timeout.
        const string blind = """
            akka.cluster.failure-detector.acceptable-heartbeat-pause = 60s
            akka.cluster.split-brain-resolver.stable-after = 60s
            """;
        await using var hub = await ClusterNode.StartHubAsync(blind);
        var (probe, events) = ChannelProbes.Create(hub.System);
        hub.Cluster.Subscribe(probe, ClusterEvent.InitialStateAsEvents, typeof(ClusterEvent.MemberUp), typeof(ClusterEvent.MemberRemoved));
        await using var agent = await ClusterNode.StartAgentAsync(hub, blind, b =>
            b.AddHocon("akka.coordinated-shutdown.run-by-actor-system-terminate = off", HoconAddMode.Prepend));
        await events.ExpectAsync<ClusterEvent.MemberUp>(e => e.Member.Address == agent.Address, Generous);

        await agent.System.Terminate();

        var removed = await events.ExpectAsync<ClusterEvent.MemberRemoved>(e => e.Member.Address == agent.Address, Generous);
        Assert.Equal(MemberStatus.Down, removed.PreviousStatus);
        Assert.Contains(hub.Logs.Events, e => e.Message.Contains("downing it so its work is reclaimed", StringComparison.Ordinal));
        Assert.Equal(MemberStatus.Up, hub.Cluster.SelfMember.Status);
    }

    [Fact]
    public async Task Stopping_the_host_runs_CoordinatedShutdown_and_the_agent_leaves_gracefully()
    {
        // This test is about the graceful leave, not failure detection: with the shipped 750 ms
        // pause, a leave that takes a few seconds on a loaded machine ends with the resolver downing
        // the agent (Down, not Exiting). A patient detector keeps the two concerns apart.
        const string patient = "akka.cluster.failure-detector.acceptable-heartbeat-pause = 10s";
        await using var hub = await ClusterNode.StartHubAsync(patient);
        var (probe, events) = ChannelProbes.Create(hub.System);
        hub.Cluster.Subscribe(probe, ClusterEvent.InitialStateAsEvents, typeof(ClusterEvent.MemberUp), typeof(ClusterEvent.MemberRemoved));
        var agent = await ClusterNode.StartAgentAsync(hub, patient);
        await events.ExpectAsync<ClusterEvent.MemberUp>(e => e.Member.Address == agent.Address, Generous);
        var agentAddress = agent.Address;

        await agent.DisposeAsync();

        Assert.True(agent.System.WhenTerminated.IsCompletedSuccessfully, "the agent's actor system still runs after its host stopped");
        Assert.IsType<CoordinatedShutdown.ClrExitReason>(CoordinatedShutdown.Get(agent.System).ShutdownReason);
        var removed = await events.ExpectAsync<ClusterEvent.MemberRemoved>(e => e.Member.Address == agentAddress, Generous);
        Assert.Equal(MemberStatus.Exiting, removed.PreviousStatus);

        await hub.Host.StopAsync();
        Assert.True(hub.System.WhenTerminated.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_downed_agent_stops_its_own_host()
    {
        await using var hub = await ClusterNode.StartHubAsync();
        var (probe, events) = ChannelProbes.Create(hub.System);
        hub.Cluster.Subscribe(probe, ClusterEvent.InitialStateAsEvents, typeof(ClusterEvent.MemberUp));
        await using var agent = await ClusterNode.StartAgentAsync(hub);
        await events.ExpectAsync<ClusterEvent.MemberUp>(e => e.Member.Address == agent.Address, Generous);
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        agent.Host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult());

        hub.Cluster.Down(agent.Address);

        await stopping.Task.WaitAsync(Generous);
        await agent.System.WhenTerminated.WaitAsync(Generous);
        Assert.IsType<CoordinatedShutdown.ClusterDowningReason>(CoordinatedShutdown.Get(agent.System).ShutdownReason);
    }

    [Fact]
    public async Task With_one_project_file_and_no_options_the_hub_is_the_seed_and_the_agent_finds_it()
    {
        // The product's default path: both processes read the same configuration; the seed node
        // follows the project's port by substitution, the hub joins it (itself), the agent binds a
        // free port and joins the hub.
        var conf = $"akka.remote.dot-netty.tcp.port = {FreePort()}";
        await using var hub = await ClusterNode.StartAsync(NodeRole.Hub, new LemegetonAkkaOptions(), conf, null, null);
        var (probe, events) = ChannelProbes.Create(hub.System);
        hub.Cluster.Subscribe(probe, ClusterEvent.InitialStateAsEvents, typeof(ClusterEvent.MemberUp));

        await using var agent = await ClusterNode.StartAsync(NodeRole.Agent, new LemegetonAkkaOptions(), conf, null, null);

        await events.ExpectAsync<ClusterEvent.MemberUp>(e => e.Member.Address == hub.Address, Generous);
        await events.ExpectAsync<ClusterEvent.MemberUp>(e => e.Member.Address == agent.Address, Generous);
        Assert.NotEqual(hub.Address.Port, agent.Address.Port);
        Assert.Equal("127.0.0.1", agent.Address.Host);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
