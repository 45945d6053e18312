namespace Lemegeton.Actors;

/// <summary>The per-actor timer table. Only touched on the owning actor's thread, except the timer callbacks, which only tell.</summary>
internal sealed class TimerScheduler(ActorCell owner) : ITimerScheduler
{
    private readonly Dictionary<object, Entry> _timers = [];
    private int _generation;

    public IReadOnlyCollection<object> ActiveTimers => _timers.Keys;

    public void StartPeriodicTimer(object key, object msg, TimeSpan interval) => Start(key, msg, interval, interval);

    public void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval) => Start(key, msg, initialDelay, interval);

    public void StartSingleTimer(object key, object msg, TimeSpan timeout) => Start(key, msg, timeout, null);

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var entry)) entry.Timer.Dispose();
    }

    public void CancelAll()
    {
        foreach (var entry in _timers.Values) entry.Timer.Dispose();
        _timers.Clear();
    }

    /// <summary>Returns true when a delivered tick belongs to a live timer (and retires a single-shot one).</summary>
    public bool Accept(TimerMessage tick)
    {
        if (!_timers.TryGetValue(tick.Key, out var entry) || entry.Generation != tick.Generation) return false;
        if (!entry.Periodic)
        {
            _timers.Remove(tick.Key);
            entry.Timer.Dispose();
        }
        return true;
    }

    private void Start(object key, object msg, TimeSpan due, TimeSpan? period)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(msg);
        Cancel(key);
        var tick = new TimerMessage(key, ++_generation, msg);
        var timer = owner.System.TimeProvider.CreateTimer(static s =>
        {
            var (cell, m) = ((ActorCell, TimerMessage))s!;
            cell.Tell(m, null);
        }, (owner, tick), due < TimeSpan.Zero ? TimeSpan.Zero : due, period ?? Timeout.InfiniteTimeSpan);
        _timers[key] = new Entry(timer, tick.Generation, period is not null);
    }

    private readonly record struct Entry(ITimer Timer, int Generation, bool Periodic);
}

/// <summary>A timer tick as it travels through the mailbox; the kernel unwraps it after checking it is still current.</summary>
internal sealed class TimerMessage(object key, int generation, object message)
{
    public readonly object Key = key;
    public readonly int Generation = generation;
    public readonly object Message = message;
}
