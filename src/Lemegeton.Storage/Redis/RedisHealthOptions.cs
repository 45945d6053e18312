namespace Lemegeton.Storage.Redis;

/// <summary>Redis health-check settings (<c>lemegeton.redis.health.*</c>), defaults from spec §5.1.</summary>
public sealed class RedisHealthOptions
{
    /// <summary>Time between PINGs. Default 5 s.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A PING slower than this is a failure. Default 2 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Consecutive failures after which Redis is considered down. Default 3.</summary>
    public int FailureThreshold { get; set; } = 3;

    /// <summary>A successful PING slower than this reports <see cref="RedisHealthStatus.Degraded"/>. Default 100 ms.</summary>
    public TimeSpan DegradedLatency { get; set; } = TimeSpan.FromMilliseconds(100);
}
