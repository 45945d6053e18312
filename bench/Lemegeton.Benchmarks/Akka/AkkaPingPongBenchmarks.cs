using System.Threading.Channels;
using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace Lemegeton.Benchmarks.Akka;

/// <summary>
/// Ping-pong between two Akka.NET actors with one message in flight (latency-bound), next to a raw
/// <see cref="Channel{T}"/> ping-pong between two tasks in the same run. Results are per round trip.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortInProcessConfig))]
public class AkkaPingPongBenchmarks
{
    private const int RoundTrips = 200_000;
    private static readonly object Ball = new();
    private readonly ManualResetEventSlim _done = new();
    private ActorSystem _system = null!;
    private IActorRef _pinger = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench", "akka.loglevel = WARNING");
        var ponger = _system.ActorOf(Props.Create<Ponger>(), "ponger");
        _pinger = _system.ActorOf(Props.Create(() => new Pinger(ponger, Ball, _done)), "pinger");
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

    [Benchmark(OperationsPerInvoke = RoundTrips, Description = "Akka.NET ping-pong")]
    public void AkkaPingPong()
    {
        _done.Reset();
        _pinger.Tell(RoundTrips, ActorRefs.NoSender);
        _done.Wait();
    }
}
