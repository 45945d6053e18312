using Lemegeton.Actors.TestKit;

namespace Lemegeton.Actors.Tests;

public sealed class BasicsTests : ActorTestKit
{
    [Fact]
    public void Tell_delivers_in_order_with_sender()
    {
        var echo = ActorOf(Props.Create<EchoActor>(), "echo");
        for (var i = 0; i < 100; i++) echo.Tell(i, TestActor.Ref);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(i, ExpectMsg<int>());
            Assert.Same(echo, TestActor.LastSender);
        }
    }

    [Fact]
    public void Paths_name_the_tree_and_refs_compare_by_incarnation()
    {
        var echo = ActorOf(Props.Create<EchoActor>(), "echo");
        Assert.Equal("akka://test/user/echo", echo.Path.ToString());
        Assert.Equal("/user/echo", echo.Path.ToStringWithoutAddress());
        Assert.Equal(echo.Path, ActorPath.CreateRoot("test").Child("user").Child("echo"));
        TestActor.Watch(echo);
        echo.Tell(PoisonPill.Instance, null);
        TestActor.ExpectTerminated(echo);
        // The name stays taken until the parent has processed the death too, which runs concurrently
        // with this probe's Terminated; wait for that before reusing it.
        AwaitCondition(() => Sys.GetActorTree().Descendants().All(n => n.Path != "/user/echo"), message: "the name /user/echo was not released");
        var again = ActorOf(Props.Create<EchoActor>(), "echo");
        Assert.Equal(echo.Path, again.Path);
        Assert.NotEqual(echo, again);
    }

    [Fact]
    public void Child_names_must_be_unique_and_valid()
    {
        var parent = ActorOf(Props.Create(() => new SupervisorActor(SupervisorStrategy.DefaultStrategy)), "parent");
        ActorOf(Props.Create<EchoActor>(), "x");
        Assert.Throws<InvalidActorNameException>(() => ActorOf(Props.Create<EchoActor>(), "x"));
        Assert.Throws<InvalidActorNameException>(() => ActorOf(Props.Create<EchoActor>(), "$x"));
        Assert.Throws<InvalidActorNameException>(() => ActorOf(Props.Create<EchoActor>(), "a/b"));
        Assert.Throws<InvalidActorNameException>(() => ActorOf(Props.Create<EchoActor>(), ""));
        var child = this.CreateChild(parent, Props.Create<EchoActor>(), "c1");
        Assert.Equal("/user/parent/c1", child.Path.ToStringWithoutAddress());
    }

    [Fact]
    public void Context_exposes_parent_children_and_child_lookup()
    {
        var parent = ActorOf(Props.Create(() => new FamilyActor()), "family");
        parent.Tell("spawn", TestActor.Ref);
        var report = ExpectMsg<string>();
        Assert.Equal("parent=/user;children=a,b;a=/user/family/a;missing=True", report);
    }

    private sealed class FamilyActor : ReceiveActor
    {
        public FamilyActor()
        {
            Receive<string>(_ =>
            {
                Context.ActorOf(Props.Create<EchoActor>(), "a");
                Context.ActorOf(Props.Create<EchoActor>(), "b");
                var names = string.Join(",", Context.Children.Select(c => c.Path.Name).OrderBy(n => n));
                Sender.Tell($"parent={Context.Parent.Path.ToStringWithoutAddress()};children={names};a={Context.Child("a").Path.ToStringWithoutAddress()};missing={ReferenceEquals(Context.Child("zz"), ActorRefs.Nobody)}", Self);
            });
        }
    }

    [Fact]
    public void Become_and_unbecome_switch_behaviour()
    {
        var actor = ActorOf(Props.Create<MoodActor>());
        actor.Tell("how", TestActor.Ref);
        TestActor.ExpectMsg("calm");
        actor.Tell("anger", TestActor.Ref);
        actor.Tell("how", TestActor.Ref);
        TestActor.ExpectMsg("angry");
        actor.Tell("joy", TestActor.Ref);
        actor.Tell("how", TestActor.Ref);
        TestActor.ExpectMsg("happy");
        actor.Tell("back", TestActor.Ref);
        actor.Tell("how", TestActor.Ref);
        TestActor.ExpectMsg("angry");
    }

    private sealed class MoodActor : ReceiveActor
    {
        public MoodActor()
        {
            Receive<string>(s => s == "how", _ => Sender.Tell("calm", Self));
            Receive<string>(s => s == "anger", _ => Become(Angry));
        }

        private void Angry()
        {
            Receive<string>(s => s == "how", _ => Sender.Tell("angry", Self));
            Receive<string>(s => s == "joy", _ => BecomeStacked(() => Receive<string>(s => s == "how" ? Reply("happy") : s == "back" && Back())));
        }

        private bool Reply(string s) { Sender.Tell(s, Self); return true; }
        private bool Back() { UnbecomeStacked(); return true; }
    }

    [Fact]
    public void Unhandled_messages_are_published_and_logged()
    {
        Sys.EventStream.Subscribe(TestActor.Ref, typeof(UnhandledMessage));
        var actor = ActorOf(Props.Create<EchoOnlyStrings>());
        actor.Tell(42, null);
        var u = ExpectMsg<UnhandledMessage>();
        Assert.Equal(42, u.Message);
        Logs.ExpectLog(Microsoft.Extensions.Logging.LogLevel.Warning, e => e.Message.Contains("Unhandled message Int32"));
    }

    private sealed class EchoOnlyStrings : ReceiveActor
    {
        public EchoOnlyStrings() => Receive<string>(s => Sender.Tell(s, Self));
    }

    [Fact]
    public void Messages_pending_at_stop_go_to_dead_letters()
    {
        var gate = new ManualResetEventSlim();
        var actor = ActorOf(Props.Create(() => new BlockingActor(gate)), "blocker");
        TestActor.Watch(actor);
        actor.Tell("block", null);
        actor.Tell(PoisonPill.Instance, null);
        for (var i = 0; i < 5; i++) actor.Tell(i, null);
        gate.Set();
        TestActor.ExpectTerminated(actor);
        var seen = Enumerable.Range(0, 5).Select(_ => (int)DeadLetters.ExpectMsg<DeadLetter>().Message).ToArray();
        Assert.Equal([0, 1, 2, 3, 4], seen);
        actor.Tell("late", null);
        Assert.Equal("late", DeadLetters.ExpectMsg<DeadLetter>().Message);
        Assert.True(Sys.DeadLetterCount >= 6);
        Logs.ExpectLog(Microsoft.Extensions.Logging.LogLevel.Information, e => e.Message.StartsWith("Dead letter", StringComparison.Ordinal));
    }

    private sealed class BlockingActor : ReceiveActor
    {
        public BlockingActor(ManualResetEventSlim gate, IActorRef? entered = null)
        {
            Receive<string>(_ => { entered?.Tell("blocked", null); gate.Wait(TimeSpan.FromSeconds(10)); });
            Receive<int>(_ => { });
        }
    }

    [Fact]
    public void Bounded_mailbox_drops_overflow_to_dead_letters()
    {
        var gate = new ManualResetEventSlim();
        var props = Props.Create(() => new BlockingActor(gate, TestActor.Ref)).WithMailbox(new MailboxOptions { Capacity = 3 });
        var actor = ActorOf(props);
        actor.Tell("block", null);
        // Inside the handler the blocking message no longer counts against the capacity (an empty
        // queue alone does not show that: the count drops just after the dequeue).
        TestActor.ExpectMsg("blocked");
        for (var i = 0; i < 5; i++) actor.Tell(i, null);
        Assert.Equal(3, DeadLetters.ExpectMsg<DeadLetter>().Message);
        Assert.Equal(4, DeadLetters.ExpectMsg<DeadLetter>().Message);
        gate.Set();
    }

    [Fact]
    public void Bounded_mailbox_can_reject()
    {
        var gate = new ManualResetEventSlim();
        var props = Props.Create(() => new BlockingActor(gate, TestActor.Ref)).WithMailbox(new MailboxOptions { Capacity = 2, OverflowPolicy = MailboxOverflowPolicy.Reject });
        var actor = ActorOf(props);
        actor.Tell("block", null);
        // Inside the handler the blocking message no longer counts against the capacity (an empty
        // queue alone does not show that: the count drops just after the dequeue).
        TestActor.ExpectMsg("blocked");
        actor.Tell(1, null);
        actor.Tell(2, null);
        var ex = Assert.Throws<MailboxFullException>(() => actor.Tell(3, null));
        Assert.Same(actor, ex.Recipient);
        gate.Set();
    }

    [Fact]
    public void ReceiveAsync_processes_one_message_at_a_time_and_keeps_context_after_await()
    {
        var actor = ActorOf(Props.Create<AsyncActor>(), "async");
        for (var i = 0; i < 20; i++) actor.Tell(i, TestActor.Ref);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal($"{i}:/user/async:{TestActor.Path}:1", ExpectMsg<string>());
        }
    }

    private sealed class AsyncActor : ReceiveActor
    {
        private int _inFlight;

        public AsyncActor()
        {
            ReceiveAsync<int>(async i =>
            {
                var concurrent = Interlocked.Increment(ref _inFlight);
                await Task.Delay(1);
                await Task.Yield();
                Sender.Tell($"{i}:{Context.Self.Path.ToStringWithoutAddress()}:{Sender.Path}:{concurrent}", Self);
                Interlocked.Decrement(ref _inFlight);
            });
        }
    }

    [Fact]
    public void ReceiveAsync_failure_goes_to_the_supervisor()
    {
        var probe = CreateTestProbe();
        var actor = ActorOf(Props.Create(() => new FailingAsyncActor(probe.Ref)), "failing-async");
        actor.Tell("boom", null);
        probe.ExpectMsg("restarted");
        actor.Tell("ok", TestActor.Ref);
        TestActor.ExpectMsg("ok");
        ExpectError<InvalidOperationException>();
    }

    private sealed class FailingAsyncActor : ReceiveActor
    {
        private readonly IActorRef _probe;

        public FailingAsyncActor(IActorRef probe)
        {
            _probe = probe;
            ReceiveAsync<string>(async s =>
            {
                await Task.Yield();
                if (s == "boom") throw new InvalidOperationException("async boom");
                Sender.Tell(s, Self);
            });
        }

        protected override void PostRestart(Exception reason) => _probe.Tell("restarted", null);
    }

    [Fact]
    public void An_exception_in_an_actor_never_crashes_the_process()
    {
        var actor = ActorOf(Props.Create(() => new LifecycleProbeActor(TestActor.Ref, "")), "life");
        TestActor.ExpectMsgs("ctor", "preStart");
        for (var i = 0; i < 10; i++) actor.Tell(new InvalidOperationException("x" + i), null);
        actor.Tell(1, TestActor.Ref);
        TestActor.FishForMessage<int>(n => n == 1);
        Assert.Contains(Logs.Errors, e => e.Exception is InvalidOperationException);
    }

    [Fact]
    public void Implicit_sender_and_forward_keep_the_original_sender()
    {
        var echo = ActorOf(Props.Create<EchoActor>(), "echo");
        var forwarder = ActorOf(Props.Create(() => new ForwardActor(echo)), "fwd");
        forwarder.Tell("hi", TestActor.Ref);
        TestActor.ExpectMsg("hi");
        Assert.Same(echo, TestActor.LastSender);
    }

    private sealed class ForwardActor : ReceiveActor
    {
        public ForwardActor(IActorRef target) => ReceiveAny(m => target.Forward(m));
    }
}
