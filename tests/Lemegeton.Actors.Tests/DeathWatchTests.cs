using Lemegeton.Actors.TestKit;

namespace Lemegeton.Actors.Tests;

public sealed class DeathWatchTests : ActorTestKit
{
    [Fact]
    public void Terminated_is_delivered_exactly_once()
    {
        var target = ActorOf(Props.Create<EchoActor>());
        var watcher = ActorOf(Props.Create(() => new WatcherActor(TestActor.Ref)));
        watcher.Tell(new WatchIt(target), null);
        watcher.Tell(new WatchIt(target), null);
        TestActor.ExpectMsg("watching");
        TestActor.ExpectMsg("watching");
        target.Tell(PoisonPill.Instance, null);
        Assert.Same(target, ExpectMsg<Died>().ActorRef);
        TestActor.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Watching_an_actor_that_is_already_dead_delivers_Terminated()
    {
        var target = ActorOf(Props.Create<EchoActor>());
        TestActor.Watch(target);
        Sys.Stop(target);
        TestActor.ExpectTerminated(target);

        var watcher = ActorOf(Props.Create(() => new WatcherActor(TestActor.Ref)));
        watcher.Tell(new WatchIt(target), null);
        TestActor.ExpectMsg("watching");
        var t = ExpectMsg<Died>();
        Assert.Same(target, t.ActorRef);
        Assert.False(t.ExistenceConfirmed);
        TestActor.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Watching_nobody_and_dead_letters_delivers_Terminated()
    {
        var watcher = ActorOf(Props.Create(() => new WatcherActor(TestActor.Ref)));
        watcher.Tell(new WatchIt(ActorRefs.Nobody), null);
        TestActor.ExpectMsg("watching");
        Assert.Same(ActorRefs.Nobody, ExpectMsg<Died>().ActorRef);
        watcher.Tell(new WatchIt(Sys.DeadLetters), null);
        TestActor.ExpectMsg("watching");
        Assert.Same(Sys.DeadLetters, ExpectMsg<Died>().ActorRef);
    }

    [Fact]
    public void Unwatch_prevents_Terminated_even_if_already_queued()
    {
        var gate = new ManualResetEventSlim();
        var target = ActorOf(Props.Create<EchoActor>());
        var watcher = ActorOf(Props.Create(() => new WatcherActor(TestActor.Ref)));
        watcher.Tell(new WatchIt(target), null);
        TestActor.ExpectMsg("watching");
        // Hold the watcher inside a handler while the target dies. Its death notice then waits in the
        // watcher's system queue; when the gate opens it becomes a Terminated queued behind UnwatchIt,
        // so Unwatch runs while that Terminated is already in the mailbox and must withdraw it.
        watcher.Tell(gate, null);
        TestActor.ExpectMsg("blocked");
        Sys.Stop(target);
        var watcherCell = (ActorCell)watcher;
        AwaitCondition(() => watcherCell.HasPendingSystemMessages, message: "the death notice did not reach the watcher");
        watcher.Tell(new UnwatchIt(target), null);
        gate.Set();
        TestActor.ExpectMsg("unwatched");
        TestActor.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Unhandled_Terminated_is_a_death_pact()
    {
        var target = ActorOf(Props.Create<EchoActor>());
        var watcher = ActorOf(Props.Create(() => new PactActor(target)));
        TestActor.Watch(watcher);
        Sys.Stop(target);
        TestActor.ExpectTerminated(watcher);
        ExpectError<DeathPactException>();
    }

    private sealed class PactActor : ReceiveActor
    {
        public PactActor(IActorRef target)
        {
            Context.Watch(target);
            Receive<string>(_ => { });
        }
    }

    [Fact]
    public void Watch_unwatch_cycles_and_deaths_leave_no_watchers_behind()
    {
        var target = ActorOf(Props.Create<EchoActor>(), "target");
        var watchers = Enumerable.Range(0, 20).Select(i => ActorOf(Props.Create(() => new WatcherActor(TestActor.Ref)), "w" + i)).ToArray();
        foreach (var w in watchers)
        {
            w.Tell(new WatchIt(target), null);
            w.Tell(new UnwatchIt(target), null);
            w.Tell(new WatchIt(target), null);
        }
        // Watchers run concurrently, so their notices interleave: count them rather than expect a sequence.
        var notices = TestActor.ReceiveN(watchers.Length * 3);
        Assert.Equal(watchers.Length * 2, notices.Count(m => m is "watching"));
        Assert.Equal(watchers.Length, notices.Count(m => m is "unwatched"));
        // Half the watchers die, half unwatch.
        for (var i = 0; i < watchers.Length; i++)
        {
            if (i % 2 == 0) Sys.Stop(watchers[i]);
            else watchers[i].Tell(new UnwatchIt(target), null);
        }
        Assert.All(TestActor.ReceiveN(watchers.Length / 2), m => Assert.Equal("unwatched", m));
        // Read from outside the actor after the dust settles; the count only changes on its thread.
        var cell = (ActorCell)target;
        AwaitCondition(() => cell.WatcherCount == 0, message: $"watchers left: {cell.WatcherCount}");
        foreach (var w in watchers) Assert.Equal(0, ((ActorCell)w).WatchingCount);
    }

    [Fact]
    public void Racing_watchers_and_a_dying_target_each_get_exactly_one_Terminated()
    {
        for (var round = 0; round < 20; round++)
        {
            var target = ActorOf(Props.Create<EchoActor>());
            var probes = Enumerable.Range(0, 8).Select(_ => CreateTestProbe()).ToArray();
            // Dedicated threads (not pool threads): TestProbe.Watch blocks until the probe's actor ran.
            using var start = new ManualResetEventSlim();
            var threads = probes.Select(p => new Thread(() => { start.Wait(); p.Watch(target); }))
                .Append(new Thread(() => { start.Wait(); Sys.Stop(target); }))
                .ToArray();
            foreach (var t in threads) t.Start();
            start.Set();
            foreach (var t in threads) t.Join();
            foreach (var p in probes)
            {
                p.ExpectTerminated(target);
                p.ExpectNoMsg(TimeSpan.FromMilliseconds(20));
            }
            foreach (var p in probes) Sys.Stop(p.Ref);
        }
    }

    public sealed record WatchIt(IActorRef Target);

    public sealed record Died(IActorRef ActorRef, bool ExistenceConfirmed);

    public sealed record UnwatchIt(IActorRef Target);

    private sealed class WatcherActor : ReceiveActor
    {
        public WatcherActor(IActorRef probe)
        {
            Receive<WatchIt>(w => { Context.Watch(w.Target); probe.Tell("watching", null); });
            Receive<UnwatchIt>(w => { Context.Unwatch(w.Target); probe.Tell("unwatched", null); });
            Receive<ManualResetEventSlim>(g => { probe.Tell("blocked", null); g.Wait(TimeSpan.FromSeconds(10)); });
            // A Terminated is only delivered to the actor that watched (Akka drops forwarded ones), so wrap it.
            Receive<Terminated>(t => probe.Tell(new Died(t.ActorRef, t.ExistenceConfirmed), null));
        }

        protected override void PostStop() => Context.System.DeadLetters.Tell("stopped", null);
    }
}

