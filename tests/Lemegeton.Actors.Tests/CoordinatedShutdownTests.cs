using System.Collections.Concurrent;
using Lemegeton.Actors.TestKit;

namespace Lemegeton.Actors.Tests;

public sealed class CoordinatedShutdownTests
{
    [Fact]
    public async Task Phases_run_in_order_and_end_with_the_system_terminated()
    {
        using var kit = new ActorTestKit(useRealTime: true);
        var order = new ConcurrentQueue<string>();
        var cs = CoordinatedShutdown.Get(kit.Sys);
        var actor = kit.ActorOf(Props.Create(() => new LifecycleProbeActor(kit.TestActor.Ref, "")), "life");
        kit.TestActor.ExpectMsgs("ctor", "preStart");
        cs.AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "flush", async () => { await Task.Yield(); order.Enqueue("flush"); return Done.Instance; });
        cs.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "unbind", () => { order.Enqueue("unbind"); return Task.FromResult(Done.Instance); });
        cs.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "drain-a", async () => { await Task.Delay(10); order.Enqueue("drain"); return Done.Instance; });
        cs.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "drain-b", () => { order.Enqueue("drain"); return Task.FromResult(Done.Instance); });
        cs.AddTask(CoordinatedShutdown.PhaseServiceStop, "stop", () => { order.Enqueue("stop"); return Task.FromResult(Done.Instance); });

        await cs.Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["unbind", "drain", "drain", "stop", "flush"], order);
        Assert.True(kit.Sys.WhenTerminated.IsCompleted);
        Assert.Same(CoordinatedShutdown.UnknownReason.Instance, cs.ShutdownReason);
        // A second run returns the first run's outcome.
        await cs.Run(CoordinatedShutdown.ClrExitReason.Instance).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Same(CoordinatedShutdown.UnknownReason.Instance, cs.ShutdownReason);
    }

    [Fact]
    public async Task A_phase_that_times_out_is_logged_and_shutdown_continues()
    {
        using var kit = new ActorTestKit(configure: s => s with
        {
            ShutdownPhaseTimeouts = new Dictionary<string, TimeSpan> { [CoordinatedShutdown.PhaseServiceUnbind] = TimeSpan.FromSeconds(2) },
        });
        var cs = CoordinatedShutdown.Get(kit.Sys);
        var ran = new TaskCompletionSource();
        cs.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "hangs", () => new TaskCompletionSource<Done>().Task);
        cs.AddTask(CoordinatedShutdown.PhaseServiceStop, "after", () => { ran.TrySetResult(); return Task.FromResult(Done.Instance); });
        cs.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "fails", () => throw new InvalidOperationException("broken task"));
        Assert.Equal(TimeSpan.FromSeconds(2), cs.Timeout(CoordinatedShutdown.PhaseServiceUnbind));
        Assert.Equal(TimeSpan.FromSeconds(5), cs.Timeout(CoordinatedShutdown.PhaseServiceStop));

        var run = kit.Sys.Terminate();
        kit.AwaitCondition(() => kit.Time.ActiveTimerCount > 0);
        Assert.False(ran.Task.IsCompleted);
        kit.Time.Advance(TimeSpan.FromSeconds(2));
        await ran.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        kit.Logs.ExpectLog(Microsoft.Extensions.Logging.LogLevel.Warning, e => e.Message.Contains("service-unbind timed out"));
        kit.Logs.ExpectError<InvalidOperationException>();
    }

    [Fact]
    public void Unknown_phase_names_are_rejected_with_the_valid_ones()
    {
        using var kit = new ActorTestKit();
        var ex = Assert.Throws<ArgumentException>(() => CoordinatedShutdown.Get(kit.Sys).AddTask("no-such-phase", "t", () => Task.FromResult(Done.Instance)));
        Assert.Contains("service-unbind", ex.Message);
    }
}
