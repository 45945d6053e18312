using Lemegeton.Core.Leases;
using Lemegeton.Core.States;
using Lemegeton.Hub.Events;
using Lemegeton.Protocol.Coordination;
using Lemegeton.Protocol.Serialization;
using Lemegeton.Protocol.Work;

namespace Lemegeton.Hub.Actors.Operator;

/// <summary>
/// Decides what an operator's command does to the coordinator's state, without touching it: the events
/// to persist, the messages for agents (through the registry) and the answer. The coordinator persists
/// the events and only then sends the messages and answers (see <see cref="OperatorPlan"/>). Pure, so
/// each rule is tested without an actor system.
/// </summary>
public static class OperatorCommandHandler
{
    /// <param name="command">The operator's command.</param>
    /// <param name="state">The coordinator's state now.</param>
    /// <param name="context">The PRs' states and dependencies, for <see cref="PrStateMachine"/>.</param>
    public static OperatorPlan Plan(IOperatorCommand command, CoordinatorState state, PrStateContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        return command switch
        {
            PauseScheduling p => state.Paused
                ? new OperatorPlan([], new OperatorResult(true, "scheduling was already paused"), [])
                : OperatorPlan.Done("scheduling paused: no new work is assigned (running PRs go on)", new SchedulingPaused(p.By)),
            ResumeScheduling r => !state.Paused
                ? new OperatorPlan([], new OperatorResult(true, "scheduling was not paused"), [])
                : OperatorPlan.Done("scheduling resumed", new SchedulingResumed(r.By)),
            RequeuePr q => Requeue(q, state),
            ForceReleaseLeases f => Release(f, state),
            TransitionPr t => Transition(t, state, context),
            KickAgent k => Kick(k, state),
            _ => OperatorPlan.Refuse($"unknown operator command {command.GetType().Name}"),
        };
    }

    private static OperatorPlan Requeue(RequeuePr q, CoordinatorState state)
    {
        if (!state.ColdStates.TryGetValue(q.PrId, out var cold)) return OperatorPlan.Refuse($"no PR {q.PrId} in the task list", notFound: true);
        if (!state.Assignments.TryGetValue(q.PrId, out var a))
            return OperatorPlan.Refuse($"{q.PrId} is not running ({cold.ToWire()}); there is nothing to requeue");
        var leases = state.Leases.Count(l => l.Value.PrId == q.PrId);
        return new OperatorPlan([new PrRequeued(q.PrId, a.SessionId, a.AgentId, q.By)],
            new OperatorResult(true, $"{q.PrId} taken back from {a.AgentId} ({leases} lease(s) released); back in the queue as {cold.ToWire()}"),
            [new ToAgent(a.SessionId, new RevokePr(q.PrId, $"requeued by operator {q.By}"))]);
    }

    private static OperatorPlan Release(ForceReleaseLeases f, CoordinatorState state)
    {
        List<string> files;
        if (f.Files.Count > 0)
        {
            files = [];
            foreach (var requested in f.Files)
            {
                var normal = LeasePaths.Normalize(requested);
                var path = normal.IsValid ? normal.Path! : requested;
                if (!state.Leases.ContainsKey(path)) return OperatorPlan.Refuse($"no lease is held on {requested}", notFound: true);
                if (!files.Contains(path, StringComparer.Ordinal)) files.Add(path);
            }
        }
        else
        {
            if (f.AgentId is null) return OperatorPlan.Refuse("name files or an agent whose leases to release");
            if (state.SessionOf(f.AgentId) is not { } session) return OperatorPlan.Refuse($"no agent {f.AgentId} is registered", notFound: true);
            files = [.. state.Leases.Where(l => l.Value.SessionId == session.SessionId).Select(l => l.Key).Order(StringComparer.Ordinal)];
            if (files.Count == 0) return new OperatorPlan([], new OperatorResult(true, $"{f.AgentId} holds no leases"), []);
        }
        return OperatorPlan.Done($"released {files.Count} lease(s): {string.Join(", ", files)}", new LeasesForceReleased(files, f.By));
    }

    private static OperatorPlan Transition(TransitionPr t, CoordinatorState state, PrStateContext context)
    {
        if (!state.ColdStates.TryGetValue(t.PrId, out var cold)) return OperatorPlan.Refuse($"no PR {t.PrId} in the task list", notFound: true);
        if (!StateNames.TryParseCold(t.ToState, out var target))
            return OperatorPlan.Refuse($"'{t.ToState}' is not a cold state; use one of: {string.Join(", ", Enum.GetValues<ColdState>().Select(c => c.ToWire()))}");
        state.Assignments.TryGetValue(t.PrId, out var assignment);
        HotState? hot = assignment is not null && StateNames.TryParseHot(assignment.HotState, out var h) ? h : null;
        var result = PrStateMachine.Transition(new TransitionRequest
        {
            PrId = t.PrId, CurrentCold = cold, CurrentHot = hot, Target = target, Actor = TransitionActor.Operator,
            AgentId = t.By, Reason = t.Reason, Override = !string.IsNullOrWhiteSpace(t.Reason),
        }, context);
        if (!result.Success) return OperatorPlan.Refuse(result.Error ?? $"{t.PrId} cannot move to {t.ToState}");
        if (result.Cascade.Count == 0) return new OperatorPlan([], new OperatorResult(true, $"{t.PrId} is already {target.ToWire()}"), []);
        var events = result.Cascade.Where(c => c.To.IsCold).Select((c, i) => (IPersistedEvent)new PrTransitioned(
            c.PrId, c.From.ToString(), c.To.ToString(), null, null, i == 0 ? $"{t.Reason} (operator {t.By})" : c.Reason)).ToList();
        var cascaded = events.Count > 1 ? $"; cascade: {string.Join(", ", events.Skip(1).Cast<PrTransitioned>().Select(e => $"{e.PrId} → {e.To}"))}" : "";
        object[] messages = assignment is null ? [] : [new ToAgent(assignment.SessionId, new RevokePr(t.PrId, $"moved to {target.ToWire()} by operator {t.By}"))];
        return new OperatorPlan(events, new OperatorResult(true, $"{t.PrId}: {result.From} → {target.ToWire()}{cascaded}"), messages);
    }

    private static OperatorPlan Kick(KickAgent k, CoordinatorState state)
    {
        if (state.SessionOf(k.AgentId) is not { } session) return OperatorPlan.Refuse($"no agent {k.AgentId} is registered", notFound: true);
        var prs = state.Assignments.Values.Where(a => a.SessionId == session.SessionId).Select(a => a.PrId).Order(StringComparer.Ordinal).ToList();
        return new OperatorPlan([new AgentKicked(session.SessionId, k.AgentId, k.By)],
            new OperatorResult(true, $"{k.AgentId} ({session.SessionId}) kicked; {(prs.Count == 0 ? "it held no PRs" : $"handed back: {string.Join(", ", prs)}")}"),
            [new ToAgent(session.SessionId, new Lemegeton.Protocol.Coordination.Shutdown(0)), new StopSession(session.SessionId)]);
    }
}
