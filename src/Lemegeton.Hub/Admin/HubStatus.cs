namespace Lemegeton.Hub.Admin;

/// <summary>The answer of <c>GET /v1/status</c>.</summary>
/// <param name="Pid">The hub's process id.</param>
/// <param name="Version">The hub's version (informational version of the assembly).</param>
/// <param name="State"><c>running</c>, or <c>stopping</c> once the graceful shutdown began.</param>
/// <param name="StartedAt">When the process started (UTC).</param>
/// <param name="UptimeSeconds">Seconds since <paramref name="StartedAt"/>.</param>
/// <param name="Repository">The repository root the hub serves.</param>
/// <param name="Mode">The coordination mode (distributed, degraded, isolated); <c>unknown</c> until the actor tree reports it.</param>
/// <param name="Counts">Agents, PRs and leases; zero until the actor tree reports them.</param>
/// <param name="ReloadCount">SIGHUP reloads requested since start.</param>
/// <param name="AdminSocket">Path of the admin socket.</param>
/// <param name="LogDirectory">Folder of the hub's log files.</param>
public sealed record HubStatus(
    int Pid,
    string Version,
    string State,
    DateTimeOffset StartedAt,
    double UptimeSeconds,
    string Repository,
    string Mode,
    HubCounts Counts,
    int ReloadCount,
    string AdminSocket,
    string LogDirectory);
