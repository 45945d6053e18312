using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Lemegeton.Benchmarks.Akka;

/// <summary>
/// A short job run inside the benchmark process (no generated project to build, which on this
/// shared 2-core machine can take longer than BenchmarkDotNet's build timeout): 1 launch, 2 warm-ups,
/// 8 measured iterations, each invocation already a million messages or 200,000 round trips.
/// </summary>
public sealed class ShortInProcessConfig : ManualConfig
{
    public ShortInProcessConfig() => AddJob(Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithStrategy(RunStrategy.Monitoring)
        .WithLaunchCount(1)
        .WithWarmupCount(2)
        .WithIterationCount(8));
}
