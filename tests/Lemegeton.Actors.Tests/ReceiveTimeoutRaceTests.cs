using Lemegeton.Actors.TestKit;

namespace Lemegeton.Actors.Tests;

public sealed class ReceiveTimeoutRaceTests
{
    /// <summary>
    /// A manual clock whose timer callbacks the test can also run at any moment, as a real timer's
    /// callback that was already running on a pool thread when the actor re-armed the timer.
    /// </summary>
    private sealed class InFlightClock : TimeProvider
    {
        private readonly List<(TimerCallback Callback, object? State)> _callbacks = [];

        public ManualTimeProvider Inner { get; } = new();

        public override long TimestampFrequency => Inner.TimestampFrequency;

        public override long GetTimestamp() => Inner.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => Inner.GetUtcNow();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (_callbacks) _callbacks.Add((callback, state));
            return Inner.CreateTimer(callback, state, dueTime, period);
        }

        public void RunCallbacksNow()
        {
            (TimerCallback Callback, object? State)[] callbacks;
            lock (_callbacks) callbacks = [.. _callbacks];
            foreach (var (callback, state) in callbacks) callback(state);
        }
    }

    private sealed class IdleReporter : ReceiveActor
    {
        public IdleReporter(IActorRef probe)
        {
            Context.SetReceiveTimeout(TimeSpan.FromSeconds(30));
            Receive<ReceiveTimeout>(_ => probe.Tell("idle", null));
            Receive<string>(s => Sender.Tell(s, Self));
            Receive<Probe>(p => Sender.Tell(p, Self));
        }
    }

    [Fact]
    public void A_timeout_callback_that_raced_a_reset_does_not_deliver_ReceiveTimeout_early()
    {
        var clock = new InFlightClock();
        using var kit = new ActorTestKit(configure: s => s with { TimeProvider = clock });
        var actor = kit.ActorOf(Props.Create(() => new IdleReporter(kit.TestActor.Ref)));
        actor.Tell("hello", kit.TestActor.Ref);
        kit.TestActor.ExpectMsg("hello");
        // The callback of the timeout armed at start runs only now, after "hello" reset the timeout,
        // so it reads the current generation. The actor was idle for 0 s: no ReceiveTimeout.
        clock.RunCallbacksNow();
        actor.Tell("ping", kit.TestActor.Ref);
        kit.TestActor.ExpectMsg("ping");
        // The timeout still fires once the actor really was idle for 30 s.
        clock.Inner.Advance(TimeSpan.FromSeconds(29));
        actor.Tell(new Probe(), kit.TestActor.Ref);
        kit.TestActor.ExpectMsg<Probe>();
        clock.Inner.Advance(TimeSpan.FromSeconds(1));
        kit.TestActor.ExpectMsg("idle");
    }

    private sealed record Probe : INotInfluenceReceiveTimeout;
}
