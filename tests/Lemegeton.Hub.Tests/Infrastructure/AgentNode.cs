using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Cluster;
using Akka.Cluster.Tools.Singleton;
using Akka.Configuration;
using Lemegeton.Hub.Events;
using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Hub.Tests.Infrastructure;

/// <summary>
/// An agent node in the test process (role agent) joining a hub process at the address it wrote to <c>.lemegeton/hub.address</c>.
/// The hub's singleton (Akka.Hosting's WithSingleton) is /user/coordinator/coordinator, hence the singleton name.
/// </summary>
internal static class AgentNode
{
    public static ActorSystem Start(string hubAddress, out IActorRef coordinatorProxy)
    {
        var config = ConfigurationFactory.ParseString("""
            akka.loglevel = WARNING
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp.hostname = "127.0.0.1"
            akka.remote.dot-netty.tcp.port = 0
            akka.cluster.roles = [agent]
            akka.cluster.failure-detector.acceptable-heartbeat-pause = 5s
            akka.cluster.singleton-proxy.singleton-identification-interval = 200ms
            akka.coordinated-shutdown.run-by-actor-system-terminate = off
            akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
            """).WithFallback(ConfigurationFactory.ParseString(LemegetonSerialization.Hocon));
        var system = ActorSystem.Create("lemegeton", ActorSystemSetup.Create(BootstrapSetup.Create().WithConfig(config), LemegetonSerialization.CreateSetup(HubEvents.Registry)));
        Cluster.Get(system).Join(Address.Parse(hubAddress));
        coordinatorProxy = system.ActorOf(ClusterSingletonProxy.Props("/user/coordinator", ClusterSingletonProxySettings.Create(system).WithRole("hub").WithSingletonName("coordinator")), "coordinator-proxy");
        return system;
    }
}
