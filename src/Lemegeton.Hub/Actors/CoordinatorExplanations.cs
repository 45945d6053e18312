using Lemegeton.Core.Scheduling;
using Lemegeton.Core.States;

namespace Lemegeton.Hub.Actors;

/// <summary>Builds <see cref="WhyNotRunning"/>'s view of the coordinator's state, with agent ids (not session ids) so the words name agents.</summary>
public static class CoordinatorExplanations
{
    public static ExplainPrResult Explain(PrScheduler scheduler, CoordinatorState state, string prId)
    {
        ArgumentNullException.ThrowIfNull(state);
        var agentOf = state.Agents.ToDictionary(a => a.Key, a => a.Value.AgentId, StringComparer.Ordinal);
        var snapshot = new SchedulingSnapshot
        {
            ColdStates = state.ColdStates,
            Running = [.. state.Assignments.Values.Select(a => new RunningPr(a.PrId,
                StateNames.TryParseHot(a.HotState, out var h) ? h : HotState.InProgress, agentOf.GetValueOrDefault(a.SessionId, a.AgentId)))],
            Leases = [.. state.Leases.Select(l => new LiveLease(l.Key, agentOf.GetValueOrDefault(l.Value.SessionId, l.Value.SessionId), l.Value.PrId))],
            Agents = [.. state.Agents.Values.Select(a => new SchedulingAgent(a.AgentId, a.AgentType, state.LoadOf(a.SessionId), a.Capacity))],
        };
        return new ExplainPrResult(WhyNotRunning.Explain(scheduler, snapshot, prId, state.Paused));
    }
}
