namespace Lemegeton.Hub.Spawner;

/// <summary>
/// When a failed agent process is started again: after a delay that doubles with each restart in the
/// sliding window (<c>initial × 2^n</c>, capped), and never more than <c>maxRestarts</c> times in the
/// window; the failure after that gives the agent up. Unlike the reference, a successful start does not
/// reset the count: only time does.
/// </summary>
public sealed class AgentRestartPolicy(int maxRestarts, TimeSpan window, TimeSpan initialBackoff, TimeSpan maxBackoff)
{
    private readonly Queue<DateTimeOffset> _restarts = new();

    public AgentRestartPolicy(SpawnerSettings settings)
        : this(settings.MaxRestarts, settings.RestartWindow, settings.InitialBackoff, settings.MaxBackoff)
    {
    }

    /// <summary>Restarts counted in the window as of the last decision.</summary>
    public int RestartsInWindow => _restarts.Count;

    /// <summary>Decides about a failure at <paramref name="now"/>: the delay before the restart (recorded as one restart), or null to give up.</summary>
    public TimeSpan? OnFailure(DateTimeOffset now)
    {
        while (_restarts.Count > 0 && now - _restarts.Peek() >= window) _restarts.Dequeue();
        if (_restarts.Count >= maxRestarts) return null;
        var factor = Math.Pow(2, _restarts.Count);
        var delay = TimeSpan.FromTicks((long)Math.Min(initialBackoff.Ticks * factor, maxBackoff.Ticks));
        _restarts.Enqueue(now + delay);
        return delay;
    }
}
