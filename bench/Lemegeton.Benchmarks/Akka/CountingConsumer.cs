using Akka.Actor;

namespace Lemegeton.Benchmarks.Akka;

/// <summary>Counts what it receives and signals every <c>batch</c> messages.</summary>
public sealed class CountingConsumer : ReceiveActor
{
    private int _count;

    public CountingConsumer(int batch, ManualResetEventSlim done)
    {
        ReceiveAny(_ =>
        {
            if (++_count == batch)
            {
                _count = 0;
                done.Set();
            }
        });
    }
}
