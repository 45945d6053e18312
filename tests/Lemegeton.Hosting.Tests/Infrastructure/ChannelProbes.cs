using System.Threading.Channels;
using Akka.Actor;

namespace Lemegeton.Hosting.Tests.Infrastructure;

public static class ChannelProbes
{
    /// <summary>Creates a <see cref="ChannelProbe"/> in <paramref name="system"/> and returns it with the reader of what it receives.</summary>
    public static (IActorRef Probe, ChannelReader<object> Received) Create(ActorSystem system)
    {
        var channel = Channel.CreateUnbounded<object>();
        var probe = system.ActorOf(Props.Create(() => new ChannelProbe(channel.Writer)));
        return (probe, channel.Reader);
    }
}
