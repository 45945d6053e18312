namespace Lemegeton.Storage.Redis;

/// <summary>What the last health check found.</summary>
public enum RedisHealthStatus
{
    /// <summary>No check has completed yet.</summary>
    Checking,
    Healthy,

    /// <summary>PONG, but slower than the degraded-latency threshold.</summary>
    Degraded,

    /// <summary>No PONG within the timeout (or not connected).</summary>
    Unhealthy,
}
