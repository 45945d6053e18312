using Lemegeton.Hub.Daemon;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Lemegeton.Hub.Tests.Daemon;

public sealed class HubShutdownSequenceTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30); // only against a hang; the fake clock decides

    private static HubShutdownSequence Sequence(FakeTimeProvider time, HubOptions options, params IHubShutdownStep[] steps) =>
        new(steps, options, time, NullLogger<HubShutdownSequence>.Instance);

    [Fact]
    public async Task Steps_run_by_stage_then_in_registration_order()
    {
        var ran = new List<string>();
        IHubShutdownStep Step(string name, HubShutdownStage stage) => new HubShutdownStep(name, stage, _ => { lock (ran) ran.Add(name); return Task.CompletedTask; });
        var sequence = Sequence(new FakeTimeProvider(), new HubOptions(),
            Step("leave cluster", HubShutdownStage.LeaveCluster),
            Step("flush journal", HubShutdownStage.FlushJournal),
            Step("stop assigning", HubShutdownStage.StopAssigning),
            Step("release leases", HubShutdownStage.ReleaseLeases),
            Step("wait for working agents", HubShutdownStage.AwaitWorkingAgents),
            Step("final git sync", HubShutdownStage.FinalGitSync),
            Step("tell agents", HubShutdownStage.NotifyAgents),
            Step("flush journal (second)", HubShutdownStage.FlushJournal));

        var results = await sequence.RunAsync().WaitAsync(Guard);

        Assert.Equal(["stop assigning", "tell agents", "wait for working agents", "flush journal", "flush journal (second)", "final git sync", "release leases", "leave cluster"], ran);
        Assert.All(results, r => Assert.Equal(HubShutdownStepOutcome.Completed, r.Outcome));
    }

    [Fact]
    public async Task A_step_that_overruns_its_timeout_is_abandoned_and_the_next_steps_still_run()
    {
        var time = new FakeTimeProvider();
        var hangStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ran = new List<string>();
        // Ignores its cancellation token entirely: the runner must not wait for it.
        var hang = new HubShutdownStep("flush journal", HubShutdownStage.FlushJournal, _ =>
        {
            hangStarted.SetResult();
            return new TaskCompletionSource().Task;
        }, TimeSpan.FromSeconds(5));
        var after = new HubShutdownStep("leave cluster", HubShutdownStage.LeaveCluster, _ => { ran.Add("leave cluster"); return Task.CompletedTask; });
        var sequence = Sequence(time, new HubOptions(), hang, after);

        var run = sequence.RunAsync();
        await hangStarted.Task.WaitAsync(Guard);
        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(run.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        var results = await run.WaitAsync(Guard);

        Assert.Equal(HubShutdownStepOutcome.TimedOut, results[0].Outcome);
        Assert.Equal(TimeSpan.FromSeconds(5), results[0].Elapsed);
        Assert.Equal(HubShutdownStepOutcome.Completed, results[1].Outcome);
        Assert.Equal(["leave cluster"], ran);
    }

    [Fact]
    public async Task Waiting_for_working_agents_is_bounded_by_the_grace_and_the_whole_sequence_by_the_shutdown_timeout()
    {
        var time = new FakeTimeProvider();
        var options = new HubOptions { WorkingAgentsGrace = TimeSpan.FromSeconds(30), ShutdownTimeout = TimeSpan.FromSeconds(32), ShutdownStepTimeout = TimeSpan.FromSeconds(5) };
        var started = new List<string>();
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        IHubShutdownStep Hang(string name, HubShutdownStage stage) => new HubShutdownStep(name, stage, ct =>
        {
            lock (started) started.Add(name);
            waiting.TrySetResult();
            return Task.Delay(Timeout.Infinite, ct);
        });
        var agents = Hang("wait for working agents", HubShutdownStage.AwaitWorkingAgents);
        var journal = Hang("flush journal", HubShutdownStage.FlushJournal);
        var leases = Hang("release leases", HubShutdownStage.ReleaseLeases);
        var sequence = Sequence(time, options, agents, journal, leases);

        var run = sequence.RunAsync();
        await waiting.Task.WaitAsync(Guard);
        time.Advance(TimeSpan.FromSeconds(30)); // the grace: agents abandoned; the journal gets only the 2 s left
        await WaitUntil(() => { lock (started) return started.Count == 2; });
        time.Advance(TimeSpan.FromSeconds(2));
        var results = await run.WaitAsync(Guard);

        Assert.Equal(
            [HubShutdownStepOutcome.TimedOut, HubShutdownStepOutcome.Skipped, HubShutdownStepOutcome.Skipped],
            results.Select(r => r.Outcome));
        Assert.Equal(["wait for working agents", "flush journal"], started);
    }

    [Fact]
    public async Task A_failing_step_is_recorded_and_does_not_stop_the_sequence()
    {
        var ran = false;
        var sequence = Sequence(new FakeTimeProvider(), new HubOptions(),
            new HubShutdownStep("flush journal", HubShutdownStage.FlushJournal, _ => throw new IOException("disk gone")),
            new HubShutdownStep("final git sync", HubShutdownStage.FinalGitSync, async _ => { await Task.Yield(); throw new InvalidOperationException("git busy"); }),
            new HubShutdownStep("leave cluster", HubShutdownStage.LeaveCluster, _ => { ran = true; return Task.CompletedTask; }));

        var results = await sequence.RunAsync().WaitAsync(Guard);

        Assert.Equal([HubShutdownStepOutcome.Failed, HubShutdownStepOutcome.Failed, HubShutdownStepOutcome.Completed], results.Select(r => r.Outcome));
        Assert.True(ran);
    }

    // The runner moves on from an abandoned step on a thread-pool thread; wait for that, not for time.
    private static async Task WaitUntil(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(Guard);
        while (!condition()) await Task.Delay(5, cts.Token);
    }
}
