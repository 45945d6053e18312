using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Lemegeton.Actors;

namespace Lemegeton.Benchmarks.Actors;

/// <summary>
/// One-way tell of 1,000,000 messages from one actor to another, next to a raw
/// <see cref="Channel{T}"/> (unbounded, single reader/writer) between two tasks in the same run.
/// Results are per message (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ActorTellBenchmarks
{
    private const int N = 1_000_000;
    private static readonly object Message = new();
    private ActorSystem _system = null!;
    private IActorRef _producer = null!;
    private readonly ManualResetEventSlim _done = new();

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench");
        var consumer = _system.ActorOf(Props.Create(() => new Consumer(_done)), "consumer");
        _producer = _system.ActorOf(Props.Create(() => new Producer(consumer)), "producer");
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

    [Benchmark(OperationsPerInvoke = N, Description = "actor tell one-way")]
    public void ActorTell()
    {
        _done.Reset();
        _producer.Tell(N, null);
        _done.Wait();
    }

    private sealed class Producer : ReceiveActor
    {
        public Producer(IActorRef consumer)
        {
            Receive<int>(n =>
            {
                var self = Self;
                for (var i = 0; i < n; i++) consumer.Tell(Message, self);
            });
        }
    }

    private sealed class Consumer : ReceiveActor
    {
        private int _count;

        public Consumer(ManualResetEventSlim done)
        {
            ReceiveAny(_ =>
            {
                if (++_count == N)
                {
                    _count = 0;
                    done.Set();
                }
            });
        }
    }
}
