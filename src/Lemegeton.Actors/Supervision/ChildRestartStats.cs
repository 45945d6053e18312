namespace Lemegeton.Actors;

/// <summary>Restart bookkeeping for one child, with Akka.NET's counting rules.</summary>
internal sealed class ChildRestartStats
{
    private int _retries;
    private long _windowStart;

    /// <summary>Whether one more restart is allowed. <paramref name="maxNrOfRetries"/> 0 forbids restarts, negative means unlimited.</summary>
    public bool RequestRestartPermission(int maxNrOfRetries, TimeSpan? withinTimeRange, TimeProvider time)
    {
        if (maxNrOfRetries == 0) return false;
        var window = withinTimeRange is { } w && w > TimeSpan.Zero && w != Timeout.InfiniteTimeSpan ? w : (TimeSpan?)null;
        if (maxNrOfRetries > 0 && window is not null) return RetriesInWindowOkay(maxNrOfRetries, window.Value, time);
        if (maxNrOfRetries > 0) return ++_retries <= maxNrOfRetries;
        if (window is not null) return RetriesInWindowOkay(1, window.Value, time);
        return true;
    }

    private bool RetriesInWindowOkay(int retries, TimeSpan window, TimeProvider time)
    {
        var now = time.GetTimestamp();
        var retriesDone = _retries + 1;
        if (_retries == 0) _windowStart = now;
        if (time.GetElapsedTime(_windowStart, now) <= window)
        {
            _retries = retriesDone;
            return retriesDone <= retries;
        }
        _retries = 1;
        _windowStart = now;
        return true;
    }
}
