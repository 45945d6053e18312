using System.Threading.Channels;
using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace Lemegeton.Benchmarks.Akka;

/// <summary>
/// One-way tell of 1,000,000 messages from one Akka.NET actor to another (default dispatcher,
/// local provider), next to a raw <see cref="Channel{T}"/> (unbounded, single reader/writer) between
/// two tasks in the same run. Results are per message (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortInProcessConfig))]
public class AkkaTellBenchmarks
{
    private const int N = 1_000_000;
    private static readonly object Message = new();
    private readonly ManualResetEventSlim _done = new();
    private ActorSystem _system = null!;
    private IActorRef _producer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench", "akka.loglevel = WARNING");
        var consumer = _system.ActorOf(Props.Create(() => new CountingConsumer(N, _done)), "consumer");
        _producer = _system.ActorOf(Props.Create(() => new BurstProducer(consumer, Message)), "producer");
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait(TimeSpan.FromSeconds(10));

    [Benchmark(Baseline = true, OperationsPerInvoke = N, Description = "raw Channel<T> one-way")]
    public async Task RawChannel()
    {
        var channel = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var reader = Task.Run(async () =>
        {
            var r = channel.Reader;
            var count = 0;
            while (await r.WaitToReadAsync().ConfigureAwait(false))
                while (r.TryRead(out _))
                    if (++count == N) return;
        });
        var writer = Task.Run(() =>
        {
            var w = channel.Writer;
            for (var i = 0; i < N; i++) w.TryWrite(Message);
        });
        await Task.WhenAll(reader, writer).ConfigureAwait(false);
    }

    [Benchmark(OperationsPerInvoke = N, Description = "Akka.NET tell one-way")]
    public void AkkaTell()
    {
        _done.Reset();
        _producer.Tell(N, ActorRefs.NoSender);
        _done.Wait();
    }
}
