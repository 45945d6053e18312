using Lemegeton.Actors.TestKit;

namespace Lemegeton.Actors.Tests;

public enum Mode { Distributed, Degraded, Isolated }

public sealed record Health(int Failures);

/// <summary>A miniature of the hub's coordination-mode machine.</summary>
public sealed class ModeFsm : FSM<Mode, Health>
{
    public ModeFsm(IActorRef observer)
    {
        StartWith(Mode.Distributed, new Health(0));
        When(Mode.Distributed, e => e.FsmEvent switch
        {
            "probe-failed" when e.StateData.Failures >= 1 => GoTo(Mode.Degraded).Using(new Health(e.StateData.Failures + 1)).Replying("degrading"),
            "probe-failed" => Stay().Using(new Health(e.StateData.Failures + 1)).Replying("counted"),
            "state" => Stay().Replying($"{StateName}:{StateData.Failures}"),
            _ => null,
        });
        When(Mode.Degraded, e => e.FsmEvent switch
        {
            StateTimeout => GoTo(Mode.Isolated),
            "probe-ok" => GoTo(Mode.Distributed).Using(new Health(0)),
            "hold" => Stay().ForMax(TimeSpan.FromSeconds(100)).Replying("holding"),
            "state" => Stay().Replying($"{StateName}:{StateData.Failures}"),
            _ => null,
        }, TimeSpan.FromSeconds(30));
        When(Mode.Isolated, e => e.FsmEvent switch
        {
            "probe-ok" => GoTo(Mode.Distributed).Using(new Health(0)),
            "stop" => Stop(),
            "state" => Stay().Replying($"{StateName}:{StateData.Failures}"),
            _ => null,
        });
        WhenUnhandled(e => e.FsmEvent is "unknown" ? Stay().Replying("unhandled:" + StateName) : null);
        OnTransition((from, to) => observer.Tell($"{from}->{to}", null));
        OnTermination(s => observer.Tell($"terminated:{s.Reason.GetType().Name}:{s.TerminatedState}", null));
        Initialize();
    }
}

public sealed class FsmTests : ActorTestKit
{
    private IActorRef Fsm(TestProbe observer) => ActorOf(Props.Create(() => new ModeFsm(observer.Ref)), "mode");

    [Fact]
    public void Goto_Stay_Using_and_transitions()
    {
        var observer = CreateTestProbe();
        var fsm = Fsm(observer);
        fsm.Tell("probe-failed", TestActor.Ref);
        TestActor.ExpectMsg("counted");
        fsm.Tell("state", TestActor.Ref);
        TestActor.ExpectMsg("Distributed:1");
        fsm.Tell("probe-failed", TestActor.Ref);
        TestActor.ExpectMsg("degrading");
        observer.ExpectMsg("Distributed->Degraded");
        fsm.Tell("probe-ok", TestActor.Ref);
        observer.ExpectMsg("Degraded->Distributed");
        fsm.Tell("state", TestActor.Ref);
        TestActor.ExpectMsg("Distributed:0");
    }

    [Fact]
    public void State_timeout_fires_under_fake_time_and_is_cancelled_by_messages()
    {
        var observer = CreateTestProbe();
        var fsm = Fsm(observer);
        fsm.Tell("probe-failed", TestActor.Ref);
        fsm.Tell("probe-failed", TestActor.Ref);
        TestActor.ExpectMsgs("counted", "degrading");
        observer.ExpectMsg("Distributed->Degraded");
        Time.Advance(TimeSpan.FromSeconds(20));
        fsm.Tell("state", TestActor.Ref);
        TestActor.ExpectMsg("Degraded:2");
        // The message restarted the 30 s timeout at t=20, so t=45 is too early.
        Time.Advance(TimeSpan.FromSeconds(25));
        observer.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Time.Advance(TimeSpan.FromSeconds(5));
        observer.ExpectMsg("Degraded->Isolated");
        Time.Advance(TimeSpan.FromMinutes(10));
        observer.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void ForMax_overrides_the_state_timeout()
    {
        var observer = CreateTestProbe();
        var fsm = Fsm(observer);
        fsm.Tell("probe-failed", TestActor.Ref);
        fsm.Tell("probe-failed", TestActor.Ref);
        TestActor.ExpectMsgs("counted", "degrading");
        observer.ExpectMsg("Distributed->Degraded");
        fsm.Tell("hold", TestActor.Ref);
        TestActor.ExpectMsg("holding");
        Time.Advance(TimeSpan.FromSeconds(99));
        observer.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Time.Advance(TimeSpan.FromSeconds(1));
        observer.ExpectMsg("Degraded->Isolated");
    }

    [Fact]
    public void WhenUnhandled_catches_what_states_do_not_handle_and_Stop_runs_termination()
    {
        var observer = CreateTestProbe();
        var fsm = Fsm(observer);
        fsm.Tell("unknown", TestActor.Ref);
        TestActor.ExpectMsg("unhandled:Distributed");
        fsm.Tell(12345, TestActor.Ref);
        Logs.ExpectLog(Microsoft.Extensions.Logging.LogLevel.Warning, e => e.Message.Contains("did not handle Int32"));
        fsm.Tell("probe-failed", TestActor.Ref);
        fsm.Tell("probe-failed", TestActor.Ref);
        // Replies are sent after the state timeout is armed; transition notices are sent before.
        TestActor.ExpectMsgs("counted", "degrading");
        observer.ExpectMsg("Distributed->Degraded");
        Time.Advance(TimeSpan.FromSeconds(30));
        observer.ExpectMsg("Degraded->Isolated");
        TestActor.Watch(fsm);
        fsm.Tell("stop", null);
        observer.ExpectMsg("terminated:Normal:Isolated");
        TestActor.ExpectTerminated(fsm);
    }

    [Fact]
    public void Introspection_shows_the_fsm_state()
    {
        var observer = CreateTestProbe();
        var fsm = Fsm(observer);
        fsm.Tell("probe-failed", null);
        fsm.Tell("probe-failed", null);
        observer.ExpectMsg("Distributed->Degraded");
        AwaitCondition(() => Sys.GetActorTree().Descendants().Single(n => n.Path == "/user/mode") is { State: "Degraded", MessagesProcessed: 2 });
        var node = Sys.GetActorTree().Descendants().Single(n => n.Path == "/user/mode");
        Assert.Equal(typeof(ModeFsm).FullName, node.ActorType);
        Assert.Equal(2, node.MessagesProcessed);
    }

    [Fact]
    public void External_stop_runs_termination_with_Shutdown()
    {
        var observer = CreateTestProbe();
        var fsm = Fsm(observer);
        Sys.Stop(fsm);
        observer.ExpectMsg("terminated:Shutdown:Distributed");
    }
}
