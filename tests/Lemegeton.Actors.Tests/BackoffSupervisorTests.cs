using Lemegeton.Actors.TestKit;

namespace Lemegeton.Actors.Tests;

public sealed class BackoffSupervisorTests : ActorTestKit
{
    // The system clock is manual, so the ask's own timeout never fires: bound the wait in real time.
    private static T AskNow<T>(IActorRef actor, object message)
    {
        var ask = actor.Ask<T>(message);
        if (!ask.Wait(TimeSpan.FromSeconds(5))) throw new TimeoutException($"{actor.Path} did not answer {message.GetType().Name}");
        return ask.Result;
    }

    private static int RestartCount(IActorRef sup) => AskNow<BackoffSupervisor.RestartCount>(sup, BackoffSupervisor.GetRestartCount.Instance).Count;

    private static IActorRef CurrentChild(IActorRef sup) => AskNow<BackoffSupervisor.CurrentChild>(sup, BackoffSupervisor.GetCurrentChild.Instance).Ref!;

    [Fact]
    public void Delays_double_from_min_to_max_with_bounded_randomness()
    {
        var min = TimeSpan.FromSeconds(3);
        var max = TimeSpan.FromSeconds(30);
        Assert.Equal(TimeSpan.FromSeconds(3), BackoffSupervisor.CalculateDelay(0, min, max, 0));
        Assert.Equal(TimeSpan.FromSeconds(6), BackoffSupervisor.CalculateDelay(1, min, max, 0));
        Assert.Equal(TimeSpan.FromSeconds(24), BackoffSupervisor.CalculateDelay(3, min, max, 0));
        Assert.Equal(TimeSpan.FromSeconds(30), BackoffSupervisor.CalculateDelay(4, min, max, 0));
        for (var i = 0; i < 100; i++)
        {
            var d = BackoffSupervisor.CalculateDelay(1, min, max, 0.2);
            Assert.InRange(d, TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(7.2));
        }
    }

    [Fact]
    public void OnStop_recreates_the_child_after_the_backoff_and_resets_after_a_stable_period()
    {
        var options = Backoff.OnStop(Props.Create(() => new LifecycleProbeActor(TestActor.Ref, "worker")), "worker",
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), 0).WithAutoReset(TimeSpan.FromSeconds(60));
        var sup = ActorOf(BackoffSupervisor.Props(options), "backoff");
        TestActor.ExpectMsgs("ctorworker", "preStartworker");
        sup.Tell(3, TestActor.Ref);
        Assert.Equal(3, ExpectMsg<int>());

        var child = CurrentChild(sup);
        child.Tell(PoisonPill.Instance, null);
        TestActor.ExpectMsg("postStopworker");
        AwaitCondition(() => RestartCount(sup) == 1);
        Time.Advance(TimeSpan.FromMilliseconds(999));
        TestActor.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Time.Advance(TimeSpan.FromMilliseconds(1));
        TestActor.ExpectMsgs("ctorworker", "preStartworker");

        // Second stop: 2 s backoff. (A PoisonPill to the supervisor would stop the supervisor itself.)
        CurrentChild(sup).Tell(PoisonPill.Instance, null);
        TestActor.ExpectMsg("postStopworker");
        AwaitCondition(() => RestartCount(sup) == 2);
        Time.Advance(TimeSpan.FromSeconds(1));
        TestActor.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Time.Advance(TimeSpan.FromSeconds(1));
        TestActor.ExpectMsgs("ctorworker", "preStartworker");
        // The child starts before the supervisor arms its reset timer (same handler, after ActorOf):
        // a reply from the supervisor shows that handler finished, so the clock moves after the arming.
        Assert.Equal(2, RestartCount(sup));

        // Stable for the reset period: the count returns to zero.
        Time.Advance(TimeSpan.FromSeconds(60));
        AwaitCondition(() => RestartCount(sup) == 0);
    }

    [Fact]
    public void OnFailure_backs_off_instead_of_restarting_at_once_and_gives_up_after_max_retries()
    {
        var options = Backoff.OnFailure(Props.Create(() => new LifecycleProbeActor(TestActor.Ref, "worker")), "worker",
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), 0, maxNrOfRetries: 1);
        var sup = ActorOf(BackoffSupervisor.Props(options), "backoff");
        TestActor.ExpectMsgs("ctorworker", "preStartworker");
        TestActor.Watch(sup);
        sup.Tell(new InvalidOperationException("crash"), null);
        TestActor.ExpectMsg("postStopworker");
        AwaitCondition(() => RestartCount(sup) == 1);
        Time.Advance(TimeSpan.FromSeconds(1));
        TestActor.ExpectMsgs("ctorworker", "preStartworker");
        sup.Tell(new InvalidOperationException("crash again"), null);
        TestActor.ExpectMsg("postStopworker");
        TestActor.ExpectTerminated(sup);
    }
}
