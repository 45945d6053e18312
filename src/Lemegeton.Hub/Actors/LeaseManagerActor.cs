using Akka.Actor;
using Lemegeton.Core.Leases;
using Lemegeton.Hub.Events;
using Lemegeton.Protocol.Errors;
using Lemegeton.Protocol.Leases;

namespace Lemegeton.Hub.Actors;

/// <summary>
/// The lease manager (child of <see cref="HubCoordinator"/>). Decides lease requests on the view the
/// coordinator hands it (<see cref="DecideLeases"/>: the request's paths normalized by Core's
/// <see cref="LeasePaths"/>, the assignment and fencing token checked, overlaps with other sessions'
/// leases refused) and answers <see cref="LeasesDecided"/>; the coordinator persists a grant before the
/// agent hears of it. It also runs the lease TTL: a session's leases live one TTL from its last
/// heartbeat (<see cref="RenewLeases"/>); when the TTL elapses it tells the coordinator
/// (<see cref="LeaseTtlElapsed"/>), which persists <see cref="LeasesExpired"/>. Supervision: restarted
/// by the coordinator (one-for-one); on start it announces itself and the coordinator re-sends which
/// sessions hold leases (their TTL starts afresh).
/// </summary>
public sealed class LeaseManagerActor : ReceiveActor, IWithTimers
{
    private readonly IActorRef _coordinator;
    private readonly TimeSpan _ttl;
    private readonly HashSet<string> _holders = new(StringComparer.Ordinal);

    public LeaseManagerActor(IActorRef coordinator, TimeSpan ttl)
    {
        _coordinator = coordinator;
        _ttl = ttl;
        Receive<DecideLeases>(d => Sender.Tell(Decide(d)));
        Receive<SessionLeasesChanged>(c =>
        {
            if (!c.Holds) { _holders.Remove(c.SessionId); Timers.Cancel(c.SessionId); return; }
            if (_holders.Add(c.SessionId)) Timers.StartSingleTimer(c.SessionId, new LeaseTtlElapsed(c.SessionId), _ttl);
        });
        Receive<RenewLeases>(r =>
        {
            if (_holders.Contains(r.SessionId)) Timers.StartSingleTimer(r.SessionId, new LeaseTtlElapsed(r.SessionId), _ttl);
        });
        Receive<LeaseTtlElapsed>(e =>
        {
            if (_holders.Remove(e.SessionId)) _coordinator.Tell(e);
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef coordinator, TimeSpan ttl) => Akka.Actor.Props.Create(() => new LeaseManagerActor(coordinator, ttl));

    protected override void PreStart() => _coordinator.Tell(LeaseManagerStarted.Instance);

    private static LeasesDecided Decide(DecideLeases d)
    {
        var (agent, a) = (d.Agent, d.Request);
        if (d.Assignment is not { } assignment || assignment.SessionId != agent.SessionId)
            return Refuse(d, new ProtocolError(ErrorCodes.NotAssigned, $"{a.PrId} is not assigned to session {agent.SessionId}.", a.CorrelationId));
        var paths = LeasePaths.NormalizeRequest(a.Files);
        if (!paths.IsValid)
            return Refuse(d, new ProtocolError(paths.TooManyFiles ? ErrorCodes.TooManyFiles : ErrorCodes.InvalidPath, paths.Error ?? "invalid lease request", a.CorrelationId));
        if (CoordinatorState.ConflictFor(d.Leases, agent.SessionId, paths.Paths) is { } conflict)
        {
            var holder = d.Agents.TryGetValue(conflict.Holder.SessionId, out var h) ? h.AgentId : conflict.Holder.SessionId;
            return Refuse(d, new LeasesDenied(a.CorrelationId, [new LeaseConflict(conflict.Path, holder, conflict.Holder.PrId)]));
        }
        return new LeasesDecided(d.Version, agent, a, new LeaseGranted(agent.SessionId, a.PrId, [.. paths.Paths], assignment.FencingToken), null);
    }

    private static LeasesDecided Refuse(DecideLeases d, Lemegeton.Protocol.IHubMessage refusal) => new(d.Version, d.Agent, d.Request, null, refusal);
}
