using Lemegeton.Storage.Redis;

namespace Lemegeton.Hub.Actors;

/// <summary>What the coordination-mode FSM needs (the <c>coordination</c> config section).</summary>
public sealed record CoordinationModeSettings
{
    /// <summary>
    /// One Redis health check (production: <see cref="RedisHealthChecker.CheckOnceAsync"/>); null when
    /// the hub has no Redis, which keeps it isolated.
    /// </summary>
    public Func<Task<RedisHealthReport>>? HealthCheck { get; init; }

    /// <summary>Time between health checks. Default 5 s.</summary>
    public TimeSpan CheckInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Bad checks in a row that move the hub down from distributed. Default 3.</summary>
    public int FailureThreshold { get; init; } = 3;

    /// <summary>Least time between two switches. Default 5 s.</summary>
    public TimeSpan Cooldown { get; init; } = TimeSpan.FromSeconds(5);
}
