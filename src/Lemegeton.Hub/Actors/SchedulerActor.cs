using Akka.Actor;
using Akka.Event;
using Lemegeton.Core.Scheduling;
using Lemegeton.Core.States;
using Lemegeton.Core.TaskList;
using Lemegeton.Hub.Events;
using CoreWork = Lemegeton.Core.Scheduling.WorkKind;

namespace Lemegeton.Hub.Actors;

/// <summary>
/// Decides what runs next (child of <see cref="HubCoordinator"/>): on each <see cref="DecideSchedule"/>
/// it runs Core's <see cref="PrScheduler"/> over the view it was given, checks every proposed start
/// with <see cref="PrStateMachine"/>, numbers the fencing tokens on from the view's counter and answers
/// <see cref="ScheduleDecided"/>. It keeps only the scheduling index of the current task list; it
/// never touches the hot state (the coordinator persists the decision, if the state has not moved).
/// Supervision: restarted by the coordinator (one-for-one); it rebuilds its index from its props, and
/// the coordinator sends <see cref="UseTaskList"/> again after a reload.
/// </summary>
public sealed class SchedulerActor : ReceiveActor
{
    private readonly SchedulerOptions _options;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private PrScheduler _scheduler;

    public SchedulerActor(IReadOnlyList<PullRequest> prs, SchedulerOptions options)
    {
        _options = options;
        _scheduler = new PrScheduler(SchedulingIndex.Build(prs), options);
        Receive<UseTaskList>(u => _scheduler = new PrScheduler(SchedulingIndex.Build(u.Prs), _options));
        Receive<DecideSchedule>(d => Sender.Tell(new ScheduleDecided(d.Version, Decide(d))));
    }

    public static Props Props(IReadOnlyList<PullRequest> prs, SchedulerOptions options) =>
        Akka.Actor.Props.Create(() => new SchedulerActor(prs, options));

    private List<PrAssigned> Decide(DecideSchedule d)
    {
        var assigned = new List<PrAssigned>();
        if (d.Snapshot.Agents.Count == 0) return assigned;
        var decision = _scheduler.Decide(d.Snapshot);
        var token = d.FencingCounter;
        foreach (var a in decision.Assignments)
        {
            if (!d.Agents.TryGetValue(a.AgentId, out var agent) || !d.ColdStates.TryGetValue(a.PrId, out var cold)) continue;
            var hot = a.Work switch
            {
                CoreWork.Planning => HotState.Investigating,
                CoreWork.QualityCheck or CoreWork.Review => HotState.UnderReview,
                _ => HotState.InProgress,
            };
            var check = PrStateMachine.Transition(new TransitionRequest
            {
                PrId = a.PrId, CurrentCold = cold, Target = hot,
                Actor = TransitionActor.Hub, AgentType = agent.AgentType, AgentId = agent.AgentId,
            }, d.Context);
            if (!check.Success)
            {
                _log.Warning("Scheduler chose {0} for {1} but the state machine refused: {2}", a.PrId, agent.AgentId, check.Error);
                continue;
            }
            assigned.Add(new PrAssigned(a.PrId, a.AgentId, agent.AgentId, ++token, hot.ToWire(), WireName(a.Work)));
        }
        return assigned;
    }

    private static string WireName(CoreWork work) => work switch
    {
        CoreWork.Planning => "plan",
        CoreWork.QualityCheck => "qc",
        CoreWork.Review => "review",
        _ => "implement",
    };
}
