using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Lemegeton.Actors;

namespace Lemegeton.Benchmarks.Actors;

/// <summary>
/// Ping-pong between two actors with one message in flight (latency-bound), next to a raw
/// <see cref="Channel{T}"/> ping-pong between two tasks in the same run. Results are per round trip.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ActorPingPongBenchmarks
{
    private const int RoundTrips = 200_000;
    private static readonly object Ball = new();
    private ActorSystem _system = null!;
    private IActorRef _pinger = null!;
    private readonly ManualResetEventSlim _done = new();

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench");
        var ponger = _system.ActorOf(Props.Create<Ponger>(), "ponger");
        _pinger = _system.ActorOf(Props.Create(() => new Pinger(ponger, _done)), "pinger");
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait(TimeSpan.FromSeconds(10));

    [Benchmark(Baseline = true, OperationsPerInvoke = RoundTrips, Description = "raw Channel<T> ping-pong")]
    public async Task RawChannelPingPong()
    {
        var options = new UnboundedChannelOptions { SingleReader = true, SingleWriter = true };
        var ping = Channel.CreateUnbounded<object>(options);
        var pong = Channel.CreateUnbounded<object>(options);
        var ponger = Task.Run(async () =>
        {
            for (var i = 0; i < RoundTrips; i++)
            {
                var m = await ping.Reader.ReadAsync().ConfigureAwait(false);
                pong.Writer.TryWrite(m);
            }
        });
        var pinger = Task.Run(async () =>
        {
            for (var i = 0; i < RoundTrips; i++)
            {
                ping.Writer.TryWrite(Ball);
                await pong.Reader.ReadAsync().ConfigureAwait(false);
            }
        });
        await Task.WhenAll(ponger, pinger).ConfigureAwait(false);
    }

    [Benchmark(OperationsPerInvoke = RoundTrips, Description = "actor ping-pong")]
    public void ActorPingPong()
    {
        _done.Reset();
        _pinger.Tell(RoundTrips, null);
        _done.Wait();
    }

    private sealed class Ponger : ReceiveActor
    {
        public Ponger() => ReceiveAny(m => Sender.Tell(m, Self));
    }

    private sealed class Pinger : ReceiveActor
    {
        private int _left;

        public Pinger(IActorRef ponger, ManualResetEventSlim done)
        {
            Receive<int>(n =>
            {
                _left = n;
                ponger.Tell(Ball, Self);
            });
            ReceiveAny(_ =>
            {
                if (--_left == 0) done.Set();
                else ponger.Tell(Ball, Self);
            });
        }
    }
}
