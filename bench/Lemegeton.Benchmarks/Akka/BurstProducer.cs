using Akka.Actor;

namespace Lemegeton.Benchmarks.Akka;

/// <summary>On an int n, tells n copies of its message to the consumer as fast as it can.</summary>
public sealed class BurstProducer : ReceiveActor
{
    public BurstProducer(IActorRef consumer, object message)
    {
        Receive<int>(n =>
        {
            var self = Self;
            for (var i = 0; i < n; i++) consumer.Tell(message, self);
        });
    }
}
