using Lemegeton.Core.States;

namespace Lemegeton.Core.Scheduling;

/// <summary>A connected agent as the scheduler sees it.</summary>
/// <param name="Id">Its id (<c>worker-2</c>).</param>
/// <param name="Type">Its type (<see cref="AgentTypes"/>); capabilities are looked up by type.</param>
/// <param name="CurrentLoad">PRs it is working on now.</param>
/// <param name="MaxConcurrent">PRs it may work on at once.</param>
/// <param name="Model">The model tier it runs, or null when it runs whatever tier the PR needs.</param>
/// <param name="Capability">Overrides the type's template (<see cref="AgentCapability.ForType"/>).</param>
public sealed record SchedulingAgent(
    string Id,
    string Type,
    int CurrentLoad = 0,
    int MaxConcurrent = 1,
    ModelTier? Model = null,
    AgentCapability? Capability = null)
{
    public AgentCapability EffectiveCapability => Capability ?? AgentCapability.ForType(Type);

    public bool IsIdle => CurrentLoad < MaxConcurrent;
}
