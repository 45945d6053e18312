using Lemegeton.Hub.Tests.Infrastructure;

namespace Lemegeton.Hub.Tests.Spawner;

/// <summary>
/// <c>lemegeton demo --agents 4</c> as a real process, end to end. It needs the actor system wired into
/// <c>hub start</c>, the admin API's <c>/v1/prs|agents|leases</c> and <c>lemegeton agent</c>/<c>fake-coder</c>:
/// it passes once those branches are merged (Category AfterMerge until then).
/// </summary>
[Trait("Category", "Slow")]
[Trait("Category", "AfterMerge")]
public sealed class DemoEndToEndTests
{
    [Fact]
    public async Task The_demo_completes_all_20_prs_hands_the_killed_agents_pr_over_and_stops_the_hub()
    {
        var dir = Path.Combine(Path.GetTempPath(), "lmg-demo-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            using var demo = LemegetonProcess.Start(Path.GetTempPath(), "demo", "--agents", "4", "--dir", dir, "--timeout", "4m");
            await demo.WaitForExitAsync(TimeSpan.FromMinutes(5));

            Assert.True(demo.ExitCode == 0, $"exit {demo.ExitCode}\n{demo.Output}\n{demo.Error}");
            Assert.Contains($"demo repository: {dir}", demo.Output);
            Assert.Contains("PRs completed:       20/20", demo.Output);
            Assert.Matches(@"commits in git:      \d+", demo.Output);
            Assert.Contains("never ran together", demo.Output);
            Assert.DoesNotContain("did!)", demo.Output);
            Assert.Matches(@"reassignment:        PR-\d{3} handed from \S+ \(killed\) to \S+.* in \d+\.\d s", demo.Output);
            Assert.Contains("hub stopped.", demo.Output);
            Assert.False(File.Exists(new Lemegeton.Hub.Daemon.HubPaths(dir).PidFile));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
