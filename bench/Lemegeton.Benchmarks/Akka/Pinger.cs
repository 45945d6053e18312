using Akka.Actor;

namespace Lemegeton.Benchmarks.Akka;

/// <summary>On an int n, plays n round trips with the ponger, one ball in flight, then signals.</summary>
public sealed class Pinger : ReceiveActor
{
    private int _left;

    public Pinger(IActorRef ponger, object ball, ManualResetEventSlim done)
    {
        Receive<int>(n =>
        {
            _left = n;
            ponger.Tell(ball, Self);
        });
        ReceiveAny(_ =>
        {
            if (--_left == 0) done.Set();
            else ponger.Tell(ball, Self);
        });
    }
}
