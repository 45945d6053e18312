using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Lemegeton.Benchmarks.Storage;

/// <summary>
/// Short in-process job for <see cref="GitMirrorBenchmarks"/>: 2 warm-ups, 5 measured iterations of
/// one invocation (100 commits) each. In-process because a whole iteration takes seconds (no harness
/// overhead to hide) and the generated out-of-process project timed out building on the shared machine.
/// </summary>
public sealed class GitMirrorBenchmarkConfig : ManualConfig
{
    public GitMirrorBenchmarkConfig() =>
        AddJob(Job.Default
            .WithWarmupCount(2)
            .WithIterationCount(5)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(20), logOutput: true)));
}
