using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Lemegeton.Benchmarks.Persistence;

/// <summary>
/// A short job run inside the benchmark process: the persistence benchmarks need no separate
/// build (which takes minutes on a busy 2-core machine) and measure I/O-bound work, where the
/// in-process toolchain's small overhead does not show.
/// </summary>
public sealed class InProcessShortConfig : ManualConfig
{
    public InProcessShortConfig() =>
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(6)
            .WithToolchain(InProcessEmitToolchain.Instance));
}
