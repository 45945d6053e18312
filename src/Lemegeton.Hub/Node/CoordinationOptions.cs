namespace Lemegeton.Hub.Node;

/// <summary>How the coordinator keeps agent sessions (<c>lemegeton.coordination.*</c>).</summary>
public sealed class CoordinationOptions
{
    /// <summary>How often agents heartbeat (sent to them in the Welcome). Default 5 s.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A session silent this long is ended and its work reclaimed (a killed agent's node is noticed sooner, by the cluster). Default 15 s.</summary>
    public TimeSpan HeartbeatTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Time between two Redis health checks of the coordination-mode FSM. Default 5 s.</summary>
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Failed health checks in a row that move the hub from distributed to degraded. Default 3.</summary>
    public int HealthFailureThreshold { get; set; } = 3;

    /// <summary>Least time between two mode switches (no flapping). Default 5 s.</summary>
    public TimeSpan ModeCooldown { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A node that joins the cluster and does not register an agent with a valid proof within this time is downed. Default 30 s.</summary>
    public TimeSpan RegistrationDeadline { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Problems with these values, each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (HeartbeatInterval <= TimeSpan.Zero) errors.Add($"lemegeton.coordination.heartbeat-interval: {HeartbeatInterval} must be positive.");
        if (HeartbeatTimeout <= HeartbeatInterval)
            errors.Add($"lemegeton.coordination.heartbeat-timeout: {HeartbeatTimeout} must exceed lemegeton.coordination.heartbeat-interval ({HeartbeatInterval}), or every agent times out between two heartbeats.");
        if (HealthCheckInterval <= TimeSpan.Zero) errors.Add($"lemegeton.coordination.health-check-interval: {HealthCheckInterval} must be positive.");
        if (HealthFailureThreshold < 1) errors.Add($"lemegeton.coordination.health-failure-threshold: {HealthFailureThreshold} must be at least 1.");
        if (ModeCooldown < TimeSpan.Zero) errors.Add($"lemegeton.coordination.mode-cooldown: {ModeCooldown} must not be negative.");
        if (RegistrationDeadline <= TimeSpan.Zero) errors.Add($"lemegeton.coordination.registration-deadline: {RegistrationDeadline} must be positive.");
        return errors;
    }
}
