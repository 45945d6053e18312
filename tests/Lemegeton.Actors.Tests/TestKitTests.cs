using Lemegeton.Actors.TestKit;

namespace Lemegeton.Actors.Tests;

public sealed class ManualTimeProviderTests
{
    [Fact]
    public void Advance_fires_due_timers_in_due_order_at_their_due_time()
    {
        var time = new ManualTimeProvider();
        var start = time.GetUtcNow();
        var fired = new List<(string Name, TimeSpan At)>();
        using var late = time.CreateTimer(_ => fired.Add(("late", time.GetUtcNow() - start)), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        using var early = time.CreateTimer(_ => fired.Add(("early", time.GetUtcNow() - start)), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        using var periodic = time.CreateTimer(_ => fired.Add(("tick", time.GetUtcNow() - start)), null, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3));
        time.Advance(TimeSpan.FromSeconds(7));
        Assert.Equal(
            [("early", TimeSpan.FromSeconds(2)), ("tick", TimeSpan.FromSeconds(3)), ("late", TimeSpan.FromSeconds(5)), ("tick", TimeSpan.FromSeconds(6))],
            fired);
        Assert.Equal(TimeSpan.FromSeconds(7), time.GetUtcNow() - start);
        Assert.Equal(TimeSpan.FromSeconds(7), time.GetElapsedTime(0));
    }

    [Fact]
    public void Change_and_Dispose_reschedule_and_cancel()
    {
        var time = new ManualTimeProvider();
        var count = 0;
        var timer = time.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        Assert.True(timer.Change(TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan));
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, count);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, count);
        timer.Dispose();
        Assert.False(timer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        Assert.Equal(0, time.ActiveTimerCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => time.Advance(TimeSpan.FromSeconds(-1)));
    }
}

public sealed class TestProbeTests : ActorTestKit
{
    [Fact]
    public void Failed_expectations_throw_the_testkit_assertion()
    {
        var probe = CreateTestProbe();
        Assert.Throws<TestKitAssertionException>(() => probe.ExpectMsg<string>(TimeSpan.FromMilliseconds(20)));
        probe.Tell(42, null);
        Assert.Throws<TestKitAssertionException>(() => probe.ExpectMsg<string>(TimeSpan.FromSeconds(1)));
        probe.Tell(43, null);
        Assert.Throws<TestKitAssertionException>(() => probe.ExpectMsg<int>(i => i == 0));
        probe.Tell(44, null);
        Assert.Throws<TestKitAssertionException>(() => probe.ExpectNoMsg(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void FishForMessage_skips_until_a_match()
    {
        var probe = CreateTestProbe();
        foreach (var m in new object[] { 1, "a", 2, "b" }) probe.Tell(m, TestActor.Ref);
        Assert.Equal("b", probe.FishForMessage<string>(s => s == "b"));
        Assert.Same(TestActor.Ref, probe.LastSender);
    }

    [Fact]
    public void Within_bounds_the_default_wait_of_expectations_inside()
    {
        var probe = CreateTestProbe();
        var started = DateTime.UtcNow;
        Assert.Throws<TestKitAssertionException>(() => probe.Within(TimeSpan.FromMilliseconds(100), () => probe.ExpectMsg<string>()));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2));
        probe.Tell("x", null);
        Assert.Equal("x", probe.Within(TimeSpan.FromSeconds(2), () => probe.ExpectMsg<string>()));
    }

    [Fact]
    public void Logs_and_dead_letters_can_be_asserted()
    {
        Sys.DeadLetters.Tell("lost", null);
        var letter = ExpectDeadLetter<string>(s => s == "lost");
        Assert.Same(Sys.DeadLetters, letter.Recipient);
        Logs.ExpectLog(Microsoft.Extensions.Logging.LogLevel.Information, e => e.Message.Contains("Dead letter: String"));
        Logs.AssertNoErrors();
        Assert.Throws<TestKitAssertionException>(() => Logs.ExpectError<InvalidOperationException>(TimeSpan.FromMilliseconds(20)));
    }
}

public sealed class TestProbeAsActorRefTests : ActorTestKit
{
    private sealed class WatchAndStop : ReceiveActor
    {
        public WatchAndStop(IActorRef target, IActorRef report)
        {
            Context.Watch(target);
            Receive<Terminated>(t => report.Tell($"terminated:{t.ActorRef.Path.Name}", null));
        }
    }

    [Fact]
    public async Task A_probe_passed_as_IActorRef_can_be_watched_stopped_and_asked()
    {
        var probe = CreateTestProbe("stand-in");
        ActorOf(Props.Create(() => new WatchAndStop(probe, TestActor.Ref)));
        var ask = probe.Ask<string>("question", TimeSpan.FromSeconds(5));
        probe.ExpectMsg("question");
        probe.Reply("answer");
        Assert.Equal("answer", await ask.WaitAsync(TimeSpan.FromSeconds(5)));
        TestActor.Watch(probe);
        Sys.Stop(probe);
        // Both notices come from the probe's death but through two actors, so either may arrive first.
        var notices = TestActor.ReceiveN(2);
        Assert.Single(notices, m => m is Terminated t && t.ActorRef.Equals(probe.Ref));
        Assert.Single(notices, m => m is "terminated:stand-in");
    }
}
