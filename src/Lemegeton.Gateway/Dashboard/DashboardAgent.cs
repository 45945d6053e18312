namespace Lemegeton.Gateway.Dashboard;

/// <summary>One agent as the dashboard shows it (State.agents).</summary>
internal sealed class DashboardAgent(string id)
{
    public string Id { get; } = id;
    public string Type { get; set; } = "worker";
    public string? Model { get; set; }
    public string State { get; set; } = "idle";
    public string? Pr { get; set; }
    public long? LastHeartbeat { get; set; }
}
