namespace Lemegeton.Storage.Redis;

/// <summary>
/// One health check's result. <see cref="IsDown"/> is true once the failures in a row reach the
/// threshold: the signal for the coordination-mode FSM to leave distributed mode.
/// </summary>
public sealed record RedisHealthReport(
    RedisHealthStatus Status,
    TimeSpan? Latency,
    string? Error,
    DateTimeOffset Time,
    int ConsecutiveFailures,
    bool IsDown);
