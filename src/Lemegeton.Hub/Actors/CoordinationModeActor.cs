using Akka.Actor;
using Akka.Event;
using Lemegeton.Protocol.Coordination;
using Lemegeton.Storage.Redis;

namespace Lemegeton.Hub.Actors;

/// <summary>
/// The coordination-mode FSM of ARCHITECTURE §4 (child of <see cref="HubCoordinator"/>, an Akka
/// <see cref="FSM{TState,TData}"/> whose states are the modes). It runs the Redis health check every
/// <see cref="CoordinationModeSettings.CheckInterval"/> (the check's task is piped back; the actor never
/// waits) and decides:
/// <list type="bullet">
/// <item>distributed → degraded after <see cref="CoordinationModeSettings.FailureThreshold"/> bad checks in
/// a row, once Redis has been seen healthy (Redis lost after start: <c>SWITCH_TO_BRANCHES</c>);</item>
/// <item>distributed → isolated on the same count when Redis was never healthy since the hub started
/// (no Redis at all: <c>WORK_ISOLATED</c>); with no health check configured the hub is isolated;</item>
/// <item>degraded → distributed on the first good check (<c>MERGE_TO_MAIN</c>), isolated → distributed
/// likewise (<c>RESUME_COORDINATION</c>).</item>
/// </list>
/// A slow but successful check counts as good (Redis works; the latency is only reported). Two switches
/// are at least <see cref="CoordinationModeSettings.Cooldown"/> apart: a switch due during the cooldown
/// happens when it ends, if still due. The FSM only decides: it tells the coordinator
/// (<see cref="ModeSwitchDecided"/>), which persists the switch and announces it to every agent.
/// Supervision: a back-off supervisor restarts it (its health check does I/O); on every start it asks
/// the coordinator for the journaled mode (<see cref="ModeFsmStarted"/> → <see cref="AssumeMode"/>).
/// </summary>
public sealed class CoordinationModeActor : FSM<CoordinationMode, CoordinationModeActor.ModeData>, IWithTimers
{
    private const string CheckTimer = "health-check";
    private const string CooldownTimer = "cooldown";
    private readonly IActorRef _coordinator;
    private readonly CoordinationModeSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private bool _checking;

    public CoordinationModeActor(IActorRef coordinator, CoordinationModeSettings settings)
    {
        _coordinator = coordinator;
        _settings = settings;
        StartWith(CoordinationMode.Distributed, new ModeData(0, false, false, null, false));
        When(CoordinationMode.Distributed, Handle);
        When(CoordinationMode.Degraded, Handle);
        When(CoordinationMode.Isolated, Handle);
        Initialize();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef coordinator, CoordinationModeSettings settings) =>
        Akka.Actor.Props.Create(() => new CoordinationModeActor(coordinator, settings));

    protected override void PreStart()
    {
        base.PreStart();
        _coordinator.Tell(ModeFsmStarted.Instance);
    }

    private State<CoordinationMode, ModeData> Handle(Event<ModeData> e)
    {
        var d = e.StateData;
        switch (e.FsmEvent)
        {
            case AssumeMode m when !d.Assumed:
                var assumed = d with { Assumed = true, SeenHealthy = m.Mode == CoordinationMode.Degraded };
                if (_settings.HealthCheck is null)
                {
                    return m.Mode == CoordinationMode.Isolated
                        ? GoTo(m.Mode).Using(assumed)
                        : Switch(m.Mode, CoordinationMode.Isolated, "no Redis is configured", assumed);
                }
                Timers.StartPeriodicTimer(CheckTimer, CheckHealth.Instance, _settings.CheckInterval);
                Self.Tell(CheckHealth.Instance);
                return GoTo(m.Mode).Using(assumed);
            case CheckHealth:
                if (_checking || _settings.HealthCheck is not { } check) return Stay();
                _checking = true;
                Check(check).PipeTo(Self, success: r => r, failure: ex => new HealthChecked(false, ex.Message));
                return Stay();
            case HealthChecked h:
                _checking = false;
                return Evaluate(h.Healthy
                    ? d with { Failures = 0, SeenHealthy = true, LastHealthy = true }
                    : d with { Failures = d.Failures + 1, LastHealthy = false }, h.Error);
            case CooldownOver:
                return Evaluate(d with { CoolingDown = false }, null);
            default:
                return Stay();
        }
    }

    private static async Task<HealthChecked> Check(Func<Task<RedisHealthReport>> check)
    {
        var report = await check().ConfigureAwait(false);
        return new HealthChecked(report.Status is RedisHealthStatus.Healthy or RedisHealthStatus.Degraded, report.Error);
    }

    private State<CoordinationMode, ModeData> Evaluate(ModeData d, string? error)
    {
        if (d.CoolingDown) return Stay().Using(d);
        var mode = StateName;
        if (mode == CoordinationMode.Distributed && d.Failures >= _settings.FailureThreshold)
        {
            return d.SeenHealthy
                ? Switch(mode, CoordinationMode.Degraded, $"Redis failed {d.Failures} health checks in a row ({error ?? "no answer"})", d)
                : Switch(mode, CoordinationMode.Isolated, $"Redis has not answered since the hub started ({d.Failures} failed checks; {error ?? "no answer"})", d);
        }
        if (mode != CoordinationMode.Distributed && d.LastHealthy == true && _settings.HealthCheck is not null)
            return Switch(mode, CoordinationMode.Distributed, mode == CoordinationMode.Degraded ? "Redis health recovered" : "Redis is available", d);
        return Stay().Using(d);
    }

    private State<CoordinationMode, ModeData> Switch(CoordinationMode from, CoordinationMode to, string reason, ModeData d)
    {
        var action = ModeNames.ActionFor(from, to);
        _log.Info("Coordination mode {0} → {1}: {2}", ModeNames.ToWire(from), ModeNames.ToWire(to), reason);
        _coordinator.Tell(new ModeSwitchDecided(from, to, action, reason));
        Timers.StartSingleTimer(CooldownTimer, CooldownOver.Instance, _settings.Cooldown);
        return GoTo(to).Using(d with { CoolingDown = true, Failures = 0 });
    }

    /// <summary>The FSM's data: bad checks in a row, whether Redis was healthy since start, cooldown, last result.</summary>
    public sealed record ModeData(int Failures, bool SeenHealthy, bool CoolingDown, bool? LastHealthy, bool Assumed);

    private sealed record CheckHealth
    {
        public static CheckHealth Instance { get; } = new();
    }

    private sealed record CooldownOver
    {
        public static CooldownOver Instance { get; } = new();
    }

    private sealed record HealthChecked(bool Healthy, string? Error);
}
