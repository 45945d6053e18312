using System.Threading.Channels;
using Akka.Actor;

namespace Lemegeton.Hosting.Tests.Infrastructure;

/// <summary>An actor that hands every message it receives to the test through a channel.</summary>
public sealed class ChannelProbe : ReceiveActor
{
    public ChannelProbe(ChannelWriter<object> writer) => ReceiveAny(message => writer.TryWrite(message));
}
