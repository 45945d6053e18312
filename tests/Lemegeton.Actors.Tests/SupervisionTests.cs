using Lemegeton.Actors.TestKit;

namespace Lemegeton.Actors.Tests;

public sealed class SupervisionTests : ActorTestKit
{
    private IActorRef Supervisor(SupervisorStrategy strategy, string name = "sup") =>
        ActorOf(Props.Create(() => new SupervisorActor(strategy)), name);

    private IActorRef Child(IActorRef supervisor, string name, TestProbe? probe = null)
    {
        var p = probe ?? TestActor;
        var child = this.CreateChild(supervisor, Props.Create(() => new LifecycleProbeActor(p.Ref, name)), name);
        p.ExpectMsgs($"ctor{name}", $"preStart{name}");
        return child;
    }

    [Fact]
    public void Resume_keeps_the_instance_and_its_state()
    {
        var sup = Supervisor(new OneForOneStrategy(_ => Directive.Resume));
        var child = Child(sup, "c");
        child.Tell(5, TestActor.Ref);
        Assert.Equal(5, ExpectMsg<int>());
        child.Tell(new InvalidOperationException("oops"), null);
        child.Tell(1, TestActor.Ref);
        Assert.Equal(6, ExpectMsg<int>());
        Logs.ExpectLog(Microsoft.Extensions.Logging.LogLevel.Warning, e => e.Message.Contains("resumed"));
    }

    [Fact]
    public void Restart_replaces_the_instance()
    {
        var sup = Supervisor(new OneForOneStrategy(_ => Directive.Restart));
        var child = Child(sup, "c");
        child.Tell(5, TestActor.Ref);
        Assert.Equal(5, ExpectMsg<int>());
        child.Tell(new InvalidOperationException("oops"), null);
        TestActor.ExpectMsgs("preRestartc:oops:InvalidOperationException", "postStopc", "ctorc", "postRestartc:oops", "preStartc");
        child.Tell(1, TestActor.Ref);
        Assert.Equal(1, ExpectMsg<int>());
    }

    [Fact]
    public void Stop_stops_the_child()
    {
        var sup = Supervisor(new OneForOneStrategy(_ => Directive.Stop));
        var child = Child(sup, "c");
        TestActor.Watch(child);
        child.Tell(new InvalidOperationException("oops"), null);
        TestActor.ExpectMsg("postStopc");
        TestActor.ExpectTerminated(child);
    }

    [Fact]
    public void Escalate_fails_the_supervisor_which_its_parent_restarts()
    {
        var top = Supervisor(new OneForOneStrategy(_ => Directive.Restart), "top");
        var middle = this.CreateChild(top, Props.Create(() => new SupervisorActor(new OneForOneStrategy(_ => Directive.Escalate))), "middle");
        var leaf = Child(middle, "leaf");
        TestActor.Watch(leaf);
        leaf.Tell(new InvalidOperationException("deep"), null);
        // The middle supervisor restarts; its default PreRestart stops the leaf.
        TestActor.ExpectMsg("postStopleaf");
        TestActor.ExpectTerminated(leaf);
        middle.Tell((Props.Create<EchoActor>(), "again"), TestActor.Ref);
        Assert.Equal("/user/top/middle/again", ExpectMsg<IActorRef>().Path.ToStringWithoutAddress());
        Assert.Equal(1, Sys.GetActorTree().Descendants().Single(n => n.Path == "/user/top/middle").Restarts);
    }

    [Fact]
    public void Restart_storm_beyond_the_limit_within_the_window_stops_the_child()
    {
        var sup = Supervisor(new OneForOneStrategy(3, TimeSpan.FromMinutes(1), _ => Directive.Restart));
        var child = Child(sup, "c");
        TestActor.Watch(child);
        for (var i = 0; i < 3; i++)
        {
            child.Tell(new InvalidOperationException("storm"), null);
            TestActor.FishForMessage<string>(s => s == "preStartc");
        }
        child.Tell(new InvalidOperationException("storm"), null);
        TestActor.FishForMessage<Terminated>(t => t.ActorRef.Equals(child));
    }

    [Fact]
    public void Failures_spread_beyond_the_window_are_all_restarted()
    {
        var sup = Supervisor(new OneForOneStrategy(2, TimeSpan.FromMinutes(1), _ => Directive.Restart));
        var child = Child(sup, "c");
        TestActor.Watch(child);
        for (var i = 0; i < 6; i++)
        {
            child.Tell(new InvalidOperationException("slow"), null);
            TestActor.FishForMessage<string>(s => s == "preStartc");
            Time.Advance(TimeSpan.FromSeconds(40));
        }
        child.Tell(1, TestActor.Ref);
        Assert.Equal(1, TestActor.FishForMessage<int>(_ => true));
    }

    [Fact]
    public void Zero_retries_means_stop_at_first_failure()
    {
        var sup = Supervisor(new OneForOneStrategy(0, null, _ => Directive.Restart));
        var child = Child(sup, "c");
        TestActor.Watch(child);
        child.Tell(new InvalidOperationException("once"), null);
        TestActor.FishForMessage<Terminated>(t => t.ActorRef.Equals(child));
    }

    [Fact]
    public void AllForOne_restarts_all_siblings()
    {
        var sup = Supervisor(new AllForOneStrategy(_ => Directive.Restart));
        var a = Child(sup, "a");
        var b = Child(sup, "b");
        // One at a time: replies from two different children have no order between them.
        a.Tell(5, TestActor.Ref);
        Assert.Equal(5, ExpectMsg<int>());
        b.Tell(7, TestActor.Ref);
        Assert.Equal(7, ExpectMsg<int>());
        a.Tell(new InvalidOperationException("one"), null);
        var events = TestActor.ReceiveN(10).Cast<string>().ToList();
        Assert.Contains("preRestartb:one:", events);
        Assert.Contains("preRestarta:one:InvalidOperationException", events);
        Assert.Contains("preStarta", events);
        Assert.Contains("preStartb", events);
        a.Tell(1, TestActor.Ref);
        Assert.Equal(1, ExpectMsg<int>());
        b.Tell(1, TestActor.Ref);
        Assert.Equal(1, ExpectMsg<int>());
    }

    [Fact]
    public void AllForOne_stop_stops_all_siblings()
    {
        var sup = Supervisor(new AllForOneStrategy(_ => Directive.Stop));
        var a = Child(sup, "a");
        var b = Child(sup, "b");
        TestActor.Watch(a);
        TestActor.Watch(b);
        a.Tell(new InvalidOperationException("one"), null);
        var terminated = new[] { TestActor.FishForMessage<Terminated>(_ => true), TestActor.FishForMessage<Terminated>(_ => true) };
        Assert.Equivalent(new[] { a, b }, terminated.Select(t => t.ActorRef));
    }

    [Fact]
    public void Default_strategy_restarts_on_ordinary_exceptions_and_stops_on_kill()
    {
        var sup = ActorOf(Props.Create(() => new SupervisorActor(SupervisorStrategy.DefaultStrategy)), "sup");
        var child = Child(sup, "c");
        child.Tell(new InvalidOperationException("x"), null);
        TestActor.FishForMessage<string>(s => s == "preStartc");
        TestActor.Watch(child);
        child.Tell(Kill.Instance, null);
        TestActor.FishForMessage<Terminated>(t => t.ActorRef.Equals(child));
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultDecider(new DeathPactException(child)));
        Assert.Equal(Directive.Restart, SupervisorStrategy.DefaultDecider(new TimeoutException()));
    }

    [Fact]
    public void Props_strategy_overrides_the_actor_default()
    {
        var sup = ActorOf(Props.Create(() => new SupervisorActor(SupervisorStrategy.DefaultStrategy))
            .WithSupervisorStrategy(SupervisorStrategy.StoppingStrategy), "sup");
        var child = Child(sup, "c");
        TestActor.Watch(child);
        child.Tell(new InvalidOperationException("x"), null);
        TestActor.FishForMessage<Terminated>(t => t.ActorRef.Equals(child));
    }
}

public sealed class GuardianEscalationTests
{
    [Fact]
    public void Escalation_to_the_user_guardian_is_logged_and_stops_the_top_level_actor()
    {
        using var kit = new ActorTestKit(configure: s => s with { GuardianSupervisorStrategy = new OneForOneStrategy(_ => Directive.Escalate) });
        var actor = kit.ActorOf(Props.Create(() => new LifecycleProbeActor(kit.TestActor.Ref, "")), "life");
        kit.TestActor.ExpectMsgs("ctor", "preStart");
        kit.TestActor.Watch(actor);
        actor.Tell(new InvalidOperationException("to the top"), null);
        kit.TestActor.FishForMessage<Terminated>(t => t.ActorRef.Equals(actor));
        var entry = kit.Logs.ExpectLog(Microsoft.Extensions.Logging.LogLevel.Critical, e => e.Message.Contains("escalated to guardian"));
        Assert.IsType<InvalidOperationException>(entry.Exception);
        // The system is still alive.
        var echo = kit.ActorOf(Props.Create<EchoActor>());
        echo.Tell("still here", kit.TestActor.Ref);
        kit.TestActor.ExpectMsg("still here");
    }

    [Fact]
    public async Task Escalation_policy_can_terminate_the_system()
    {
        using var kit = new ActorTestKit(configure: s => s with
        {
            GuardianSupervisorStrategy = new OneForOneStrategy(_ => Directive.Escalate),
            GuardianEscalationPolicy = GuardianEscalationPolicy.TerminateSystem,
        });
        var actor = kit.ActorOf(Props.Create<EchoActor>());
        actor.Tell(Kill.Instance, null);
        await kit.Sys.WhenTerminated.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
