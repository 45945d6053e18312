namespace Lemegeton.Hub.Admin;

/// <summary>How much the hub is coordinating right now.</summary>
public sealed record HubCounts(int Agents, int WorkingAgents, int PrsInFlight, int Leases)
{
    public static HubCounts None { get; } = new(0, 0, 0, 0);
}
