using Akka.Actor;
using Akka.Cluster;

namespace Lemegeton.Hosting.Tests.Messages;

/// <summary>Stands in for the hub's coordinator: answers a <see cref="Ping"/> with the address of its node.</summary>
public sealed class EchoCoordinator : ReceiveActor
{
    public EchoCoordinator()
    {
        var node = Cluster.Get(Context.System).SelfAddress.ToString();
        Receive<Ping>(ping => Sender.Tell(new Pong(ping.Text, node)));
    }
}
