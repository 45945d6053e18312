using Lemegeton.Actors.TestKit;

namespace Lemegeton.Actors.Tests;

public sealed class TimerTests : ActorTestKit
{
    private sealed record StartSingle(string Key, string Msg, TimeSpan Delay);
    private sealed record StartPeriodic(string Key, string Msg, TimeSpan Interval);
    private sealed record CancelTimer(string Key);

    private sealed class TimerActor : ReceiveActor, IWithTimers
    {
        public ITimerScheduler Timers { get; set; } = null!;

        public TimerActor(IActorRef probe)
        {
            Receive<StartSingle>(s => { Timers.StartSingleTimer(s.Key, s.Msg, s.Delay); Sender.Tell("ok", Self); });
            Receive<StartPeriodic>(s => { Timers.StartPeriodicTimer(s.Key, s.Msg, s.Interval); Sender.Tell("ok", Self); });
            Receive<CancelTimer>(c => { Timers.Cancel(c.Key); Sender.Tell($"active={Timers.IsTimerActive(c.Key)}", Self); });
            Receive<string>(s => probe.Tell(s, Self));
        }
    }

    private IActorRef TimerActorRef() => ActorOf(Props.Create(() => new TimerActor(TestActor.Ref)));

    [Fact]
    public void Single_timer_fires_once_at_its_time()
    {
        var a = TimerActorRef();
        a.Tell(new StartSingle("k", "tick", TimeSpan.FromSeconds(10)), TestActor.Ref);
        TestActor.ExpectMsg("ok");
        Time.Advance(TimeSpan.FromSeconds(9));
        TestActor.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Time.Advance(TimeSpan.FromSeconds(1));
        TestActor.ExpectMsg("tick");
        Time.Advance(TimeSpan.FromSeconds(30));
        TestActor.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Periodic_timer_fires_every_interval_until_cancelled()
    {
        var a = TimerActorRef();
        a.Tell(new StartPeriodic("p", "beat", TimeSpan.FromSeconds(1)), TestActor.Ref);
        TestActor.ExpectMsg("ok");
        Time.Advance(TimeSpan.FromSeconds(3));
        TestActor.ExpectMsgs("beat", "beat", "beat");
        a.Tell(new CancelTimer("p"), TestActor.Ref);
        TestActor.ExpectMsg("active=False");
        Time.Advance(TimeSpan.FromSeconds(5));
        TestActor.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Restarting_a_key_replaces_the_timer_and_cancel_suppresses_a_queued_tick()
    {
        var gate = new ManualResetEventSlim();
        var a = ActorOf(Props.Create(() => new GatedTimerActor(TestActor.Ref, gate)));
        a.Tell("arm", TestActor.Ref);
        TestActor.ExpectMsg("armed");
        // The tick is queued while the actor is busy in a handler that then cancels the timer:
        // the already-queued tick must not be delivered.
        a.Tell("block-then-cancel", null);
        Time.Advance(TimeSpan.FromSeconds(1));
        gate.Set();
        TestActor.ExpectMsg("cancelled");
        TestActor.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    private sealed class GatedTimerActor : ReceiveActor, IWithTimers
    {
        public ITimerScheduler Timers { get; set; } = null!;

        public GatedTimerActor(IActorRef probe, ManualResetEventSlim gate)
        {
            Receive<string>(s => s == "arm", _ =>
            {
                Timers.StartSingleTimer("k", "first", TimeSpan.FromSeconds(1));
                Timers.StartSingleTimer("k", "tick", TimeSpan.FromSeconds(1));
                Sender.Tell("armed", Self);
            });
            Receive<string>(s => s == "block-then-cancel", _ =>
            {
                gate.Wait(TimeSpan.FromSeconds(10));
                Timers.Cancel("k");
                probe.Tell("cancelled", null);
            });
            Receive<string>(s => probe.Tell(s, null));
        }
    }

    [Fact]
    public void Timers_are_cancelled_when_the_actor_stops()
    {
        var a = TimerActorRef();
        a.Tell(new StartPeriodic("p", "beat", TimeSpan.FromSeconds(1)), TestActor.Ref);
        TestActor.ExpectMsg("ok");
        TestActor.Watch(a);
        Sys.Stop(a);
        TestActor.ExpectTerminated(a);
        Assert.Equal(0, Time.ActiveTimerCount);
    }

    [Fact]
    public void Receive_timeout_fires_after_inactivity_and_is_reset_by_messages()
    {
        var a = ActorOf(Props.Create(() => new IdleActor(TestActor.Ref)));
        a.Tell("hello", TestActor.Ref);
        TestActor.ExpectMsg("hello");
        Time.Advance(TimeSpan.FromSeconds(20));
        a.Tell("again", TestActor.Ref);
        TestActor.ExpectMsg("again");
        Time.Advance(TimeSpan.FromSeconds(20));
        TestActor.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Time.Advance(TimeSpan.FromSeconds(10));
        TestActor.ExpectMsg("idle");
        a.Tell("off", TestActor.Ref);
        TestActor.ExpectMsg("off");
        Time.Advance(TimeSpan.FromMinutes(5));
        TestActor.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    private sealed record Quiet : INotInfluenceReceiveTimeout;

    [Fact]
    public void Messages_marked_NotInfluenceReceiveTimeout_do_not_reset_it()
    {
        var a = ActorOf(Props.Create(() => new IdleActor(TestActor.Ref)));
        a.Tell("hello", TestActor.Ref);
        TestActor.ExpectMsg("hello");
        Time.Advance(TimeSpan.FromSeconds(20));
        a.Tell(new Quiet(), TestActor.Ref);
        TestActor.ExpectMsg<Quiet>();
        Time.Advance(TimeSpan.FromSeconds(10));
        TestActor.ExpectMsg("idle");
    }

    private sealed class IdleActor : ReceiveActor
    {
        public IdleActor(IActorRef probe)
        {
            Context.SetReceiveTimeout(TimeSpan.FromSeconds(30));
            Receive<ReceiveTimeout>(_ => probe.Tell("idle", null));
            Receive<string>(s => s == "off", s => { Context.SetReceiveTimeout(null); Sender.Tell(s, Self); });
            Receive<string>(s => Sender.Tell(s, Self));
            Receive<Quiet>(q => Sender.Tell(q, Self));
        }
    }
}
