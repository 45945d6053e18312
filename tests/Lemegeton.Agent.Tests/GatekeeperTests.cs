using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;
using Lemegeton.Agent.Tests.Infrastructure;

namespace Lemegeton.Agent.Tests;

/// <summary>The hub downs a node that joins its cluster but never registers an agent with the cluster secret.</summary>
[Trait("Category", "Slow")]
public sealed class GatekeeperTests
{
    [Fact]
    public async Task A_node_that_joins_without_registering_is_downed_at_the_deadline()
    {
        await using var hub = await HubNode.StartAsync(TestTaskList.Build(["src/a.txt"]), registrationDeadline: TimeSpan.FromSeconds(2));
        var config = ConfigurationFactory.ParseString("""
            akka.loglevel = WARNING
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp.hostname = "127.0.0.1"
            akka.remote.dot-netty.tcp.port = 0
            akka.cluster.roles = [agent]
            akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
            """);
        var stranger = ActorSystem.Create("lemegeton", config);
        try
        {
            var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Cluster.Get(stranger).RegisterOnMemberUp(() => up.TrySetResult());
            Cluster.Get(stranger).Join(Cluster.Get(hub.System).SelfAddress);
            Assert.Same(up.Task, await Task.WhenAny(up.Task, Task.Delay(TimeSpan.FromSeconds(60))));

            // Downed by the hub, the node's actor system ends (run-coordinated-shutdown-when-down).
            var ended = await Task.WhenAny(stranger.WhenTerminated, Task.Delay(TimeSpan.FromSeconds(60)));
            Assert.Same(stranger.WhenTerminated, ended);
        }
        finally
        {
            await stranger.Terminate();
        }
    }
}
