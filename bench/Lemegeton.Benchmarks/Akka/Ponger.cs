using Akka.Actor;

namespace Lemegeton.Benchmarks.Akka;

/// <summary>Sends every message back to its sender.</summary>
public sealed class Ponger : ReceiveActor
{
    public Ponger() => ReceiveAny(m => Sender.Tell(m, Self));
}
