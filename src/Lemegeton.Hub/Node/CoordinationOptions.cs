namespace Lemegeton.Hub.Node;

/// <summary>How the coordinator keeps agent sessions (<c>lemegeton.coordination.*</c>).</summary>
public sealed class CoordinationOptions
{
    /// <summary>How often agents heartbeat (sent to them in the Welcome). Default 5 s.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A session silent this long is ended and its work reclaimed (a killed agent's node is noticed sooner, by the cluster). Default 15 s.</summary>
    public TimeSpan HeartbeatTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Problems with these values, each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (HeartbeatInterval <= TimeSpan.Zero) errors.Add($"lemegeton.coordination.heartbeat-interval: {HeartbeatInterval} must be positive.");
        if (HeartbeatTimeout <= HeartbeatInterval)
            errors.Add($"lemegeton.coordination.heartbeat-timeout: {HeartbeatTimeout} must exceed lemegeton.coordination.heartbeat-interval ({HeartbeatInterval}), or every agent times out between two heartbeats.");
        return errors;
    }
}
