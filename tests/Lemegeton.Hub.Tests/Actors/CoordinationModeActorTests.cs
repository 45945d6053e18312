using System.Collections.Concurrent;
using Akka.Actor;
using Akka.TestKit;
using Lemegeton.Hub.Actors;
using Lemegeton.Protocol.Coordination;
using Lemegeton.Storage.Redis;

namespace Lemegeton.Hub.Tests.Actors;

/// <summary>
/// The coordination-mode FSM on virtual time (Akka's TestScheduler: the check interval and the cooldown
/// pass when the test advances the clock), fed a health check that answers what the test scripts.
/// Each check tells the test it ran; a check only starts once the previous result was handled, so
/// seeing check n+1 means the FSM has acted on result n.
/// </summary>
public sealed class CoordinationModeActorTests() : Akka.TestKit.Xunit2.TestKit("""
    akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
    akka.loglevel = WARNING
    """)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Cooldown = TimeSpan.FromSeconds(5);
    private readonly ConcurrentQueue<bool> _script = new();
    private TestProbe _checks = null!;
    private TestProbe _coordinator = null!;

    private TestScheduler Clock => (TestScheduler)Sys.Scheduler;

    private IActorRef Start(CoordinationMode journaled, bool withHealthCheck = true)
    {
        _checks = CreateTestProbe();
        _coordinator = CreateTestProbe();
        var checks = _checks.Ref;
        var settings = new CoordinationModeSettings
        {
            HealthCheck = withHealthCheck ? () =>
            {
                var healthy = _script.TryDequeue(out var next) && next;
                checks.Tell(healthy);
                return Task.FromResult(new RedisHealthReport(healthy ? RedisHealthStatus.Healthy : RedisHealthStatus.Unhealthy, null,
                    healthy ? null : "connection refused", DateTimeOffset.UnixEpoch, 0, false));
            } : null,
            CheckInterval = Interval,
            FailureThreshold = 3,
            Cooldown = Cooldown,
        };
        var fsm = Sys.ActorOf(CoordinationModeActor.Props(_coordinator.Ref, settings));
        _coordinator.ExpectMsg<ModeFsmStarted>();
        fsm.Tell(new AssumeMode(journaled), _coordinator.Ref);
        return fsm;
    }

    /// <summary>Scripts the next results and runs them: the first check runs at once, each later one after an interval.</summary>
    private void Run(bool first, params bool[] results)
    {
        foreach (var r in results) _script.Enqueue(r);
        for (var i = 0; i < results.Length; i++)
        {
            if (i > 0 || !first) Clock.Advance(Interval);
            _checks.ExpectMsg<bool>();
        }
    }

    /// <summary>Every check from now on answers healthy.</summary>
    private void Healthy()
    {
        for (var i = 0; i < 100; i++) _script.Enqueue(true);
    }

    /// <summary>One more check (an interval later) so the previous result has surely been acted on.</summary>
    private void Settle(bool result = true) => Run(first: false, result);

    [Fact]
    public void Three_failed_checks_in_a_row_after_a_healthy_one_move_distributed_to_degraded_and_two_do_not()
    {
        Start(CoordinationMode.Distributed);
        Run(first: true, true, false, false);
        Settle(true);
        Assert.False(_coordinator.HasMessages, "two failures must not switch");

        Run(first: false, false, false, false);
        var down = _coordinator.ExpectMsg<ModeSwitchDecided>();
        Assert.Equal((CoordinationMode.Distributed, CoordinationMode.Degraded, ModeAction.SwitchToBranches), (down.From, down.To, down.Action));
        Assert.Contains("3 health checks", down.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_redis_never_healthy_since_start_makes_the_hub_isolated_and_its_arrival_resumes_coordination()
    {
        Start(CoordinationMode.Distributed);
        Run(first: true, false, false, false);
        var isolated = _coordinator.ExpectMsg<ModeSwitchDecided>();
        Assert.Equal((CoordinationMode.Isolated, ModeAction.WorkIsolated), (isolated.To, isolated.Action));

        // Redis is there from now on: every check during and after the cooldown answers healthy (a check
        // the periodic timer starts while the clock jumps must not find the script empty and fail).
        Healthy();
        Clock.Advance(Cooldown + Interval);
        var resumed = _coordinator.ExpectMsg<ModeSwitchDecided>();
        Assert.Equal((CoordinationMode.Isolated, CoordinationMode.Distributed, ModeAction.ResumeCoordination), (resumed.From, resumed.To, resumed.Action));
    }

    [Fact]
    public void Recovery_during_the_cooldown_waits_for_its_end_then_merges_to_main()
    {
        Start(CoordinationMode.Distributed);
        Run(first: true, true, false, false, false);
        Assert.Equal(CoordinationMode.Degraded, _coordinator.ExpectMsg<ModeSwitchDecided>().To);

        // Redis is back at once, but the last switch was less than the cooldown ago.
        Run(first: false, true, true);
        Assert.False(_coordinator.HasMessages, "no switch within the cooldown");

        Healthy();
        Clock.Advance(Cooldown);
        var up = _coordinator.ExpectMsg<ModeSwitchDecided>();
        Assert.Equal((CoordinationMode.Degraded, CoordinationMode.Distributed, ModeAction.MergeToMain), (up.From, up.To, up.Action));
    }

    [Fact]
    public void A_hub_restarted_in_degraded_mode_merges_back_on_the_first_good_check()
    {
        Start(CoordinationMode.Degraded);
        Run(first: true, true);
        var up = _coordinator.ExpectMsg<ModeSwitchDecided>();
        Assert.Equal((CoordinationMode.Degraded, CoordinationMode.Distributed, ModeAction.MergeToMain), (up.From, up.To, up.Action));
    }

    [Fact]
    public void Without_a_health_check_the_hub_is_isolated()
    {
        Start(CoordinationMode.Distributed, withHealthCheck: false);
        var isolated = _coordinator.ExpectMsg<ModeSwitchDecided>();
        Assert.Equal((CoordinationMode.Isolated, ModeAction.WorkIsolated), (isolated.To, isolated.Action));
        Clock.Advance(Cooldown + Interval);
        Assert.False(_coordinator.HasMessages);
    }
}
