using BenchmarkDotNet.Attributes;
using Lemegeton.Actors;

namespace Lemegeton.Benchmarks.Actors;

/// <summary>
/// Spawning and stopping 100,000 actors (create, PreStart, stop, PostStop, parent notified), and
/// spawning 100,000 idle actors to measure what one costs. Results are per actor.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class ActorSpawnBenchmarks
{
    private const int N = 100_000;
    private ActorSystem _system = null!;
    private readonly IActorRef[] _refs = new IActorRef[N];
    private readonly CountdownEvent _stopped = new(N);

    [GlobalSetup]
    public void Setup() => _system = ActorSystem.Create("bench");

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait(TimeSpan.FromSeconds(30));

    [Benchmark(OperationsPerInvoke = N, Description = "spawn + stop 100k actors")]
    public void SpawnAndStop()
    {
        _stopped.Reset(N);
        var props = Props.Create(() => new Idle(_stopped));
        for (var i = 0; i < N; i++) _refs[i] = _system.ActorOf(props);
        for (var i = 0; i < N; i++) _system.Stop(_refs[i]);
        _stopped.Wait();
    }

    /// <summary>Bytes retained per idle (created, never messaged) actor, printed once per run.</summary>
    [Benchmark(OperationsPerInvoke = N, Description = "spawn 100k idle actors (retained)")]
    public long SpawnIdleRetained()
    {
        var system = ActorSystem.Create("idle");
        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var started = new CountdownEvent(N);
        var props = Props.Create(() => new Quiet(started));
        var refs = new IActorRef[N];
        for (var i = 0; i < N; i++) refs[i] = system.ActorOf(props);
        started.Wait();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var perActor = (after - before - (long)N * IntPtr.Size) / N;
        Console.WriteLine($"// idle actor retained bytes: {perActor}");
        GC.KeepAlive(refs);
        system.Terminate().Wait(TimeSpan.FromSeconds(30));
        return perActor;
    }

    private sealed class Idle : ReceiveActor
    {
        private readonly CountdownEvent _stopped;

        public Idle(CountdownEvent stopped)
        {
            _stopped = stopped;
            ReceiveAny(_ => { });
        }

        protected override void PostStop() => _stopped.Signal();
    }

    private sealed class Quiet : ReceiveActor
    {
        private readonly CountdownEvent _started;

        public Quiet(CountdownEvent started)
        {
            _started = started;
            ReceiveAny(_ => { });
        }

        protected override void PreStart() => _started.Signal();
    }
}
