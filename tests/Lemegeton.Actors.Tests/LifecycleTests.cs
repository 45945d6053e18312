using Lemegeton.Actors.TestKit;

namespace Lemegeton.Actors.Tests;

public sealed class LifecycleTests : ActorTestKit
{
    [Fact]
    public void Start_and_stop_hooks_run_in_order()
    {
        var actor = ActorOf(Props.Create(() => new LifecycleProbeActor(TestActor.Ref, "")), "life");
        TestActor.ExpectMsgs("ctor", "preStart");
        Sys.Stop(actor);
        TestActor.ExpectMsg("postStop");
    }

    [Fact]
    public void Restart_runs_PreRestart_on_old_then_ctor_and_PostRestart_on_new_and_keeps_the_mailbox()
    {
        var gate = new ManualResetEventSlim();
        var actor = ActorOf(Props.Create(() => new LifecycleProbeActor(TestActor.Ref, "")), "life");
        TestActor.ExpectMsgs("ctor", "preStart");
        actor.Tell(5, TestActor.Ref);
        Assert.Equal(5, ExpectMsg<int>());
        actor.Tell(new InvalidOperationException("bad"), null);
        actor.Tell(1, TestActor.Ref);
        actor.Tell(2, TestActor.Ref);
        TestActor.ExpectMsgs("preRestart:bad:InvalidOperationException", "postStop", "ctor", "postRestart:bad", "preStart");
        // State was reset (5 was forgotten) and the messages queued behind the failure survived.
        Assert.Equal(1, ExpectMsg<int>());
        Assert.Equal(3, ExpectMsg<int>());
        var node = Sys.GetActorTree().Descendants().Single(n => n.Path == "/user/life");
        Assert.Equal(1, node.Restarts);
    }

    [Fact]
    public void Children_are_stopped_before_the_parent_restarts()
    {
        var actor = ActorOf(Props.Create(() => new LifecycleProbeActor(TestActor.Ref, "")), "life");
        TestActor.ExpectMsgs("ctor", "preStart");
        actor.Tell("spawn:kid", null);
        TestActor.ExpectMsgs("ctorkid", "preStartkid");
        actor.Tell(new InvalidOperationException("bad"), null);
        TestActor.ExpectMsg("preRestart:bad:InvalidOperationException");
        // PostStop of the old parent instance runs inside PreRestart; the child stops, then the new instance starts.
        var rest = TestActor.ReceiveN(5).Cast<string>().ToList();
        Assert.Contains("postStop", rest);
        Assert.Contains("postStopkid", rest);
        Assert.True(rest.IndexOf("postStopkid") < rest.IndexOf("ctor"), string.Join(",", rest));
        Assert.Equal(["ctor", "postRestart:bad"], rest.TakeLast(3).Take(2));
        Assert.Equal("preStart", rest[^1]);
        Assert.Empty(Sys.GetActorTree().Descendants().Single(n => n.Path == "/user/life").Children);
    }

    [Fact]
    public void Stopping_a_parent_stops_children_first()
    {
        var actor = ActorOf(Props.Create(() => new LifecycleProbeActor(TestActor.Ref, "")), "life");
        TestActor.ExpectMsgs("ctor", "preStart");
        actor.Tell("spawn:kid", null);
        TestActor.ExpectMsgs("ctorkid", "preStartkid");
        TestActor.Watch(actor);
        actor.Tell(PoisonPill.Instance, null);
        TestActor.ExpectMsgs("postStopkid", "postStop");
        TestActor.ExpectTerminated(actor);
    }

    [Fact]
    public void Exception_in_constructor_stops_the_actor_with_the_default_decider()
    {
        var actor = ActorOf(Props.Create<ThrowingCtorActor>(), "bad-ctor");
        TestActor.Watch(actor);
        TestActor.ExpectTerminated(actor);
        ExpectError<ActorInitializationException>();
    }

    private sealed class ThrowingCtorActor : ReceiveActor
    {
        public ThrowingCtorActor() => throw new InvalidOperationException("cannot start");
    }

    [Fact]
    public async Task Terminate_stops_everything_depth_first_and_completes()
    {
        var stopped = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var parent = ActorOf(Props.Create(() => new RecordingStop(stopped, true)), "p");
        AwaitCondition(() => Sys.GetActorTree().Descendants().Any(n => n.Path == "/user/p/c"));
        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["/user/p/c", "/user/p"], stopped);
        Assert.True(Sys.WhenTerminated.IsCompleted);
    }

    private sealed class RecordingStop : ReceiveActor
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _stopped;

        public RecordingStop(System.Collections.Concurrent.ConcurrentQueue<string> stopped, bool withChild)
        {
            _stopped = stopped;
            if (withChild) Context.ActorOf(Props.Create(() => new RecordingStop(stopped, false)), "c");
            ReceiveAny(_ => { });
        }

        protected override void PostStop() => _stopped.Enqueue(Self.Path.ToStringWithoutAddress());
    }
}
