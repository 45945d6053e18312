namespace Lemegeton.Storage.Tests.Infrastructure;

/// <summary>A TimeProvider whose time moves only when the test says so.</summary>
public sealed class ManualClock : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<Timer> _timers = [];
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly List<(TimeSpan DueTime, TaskCompletionSource Signal)> _waiters = [];

    public override DateTimeOffset GetUtcNow() { lock (_gate) return _now; }

    public override long GetTimestamp() { lock (_gate) return _now.UtcTicks; }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(this, callback, state);
        lock (_gate) _timers.Add(timer);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Completes once a timer is armed to fire <paramref name="dueTime"/> from now (someone waits that long).</summary>
    public Task WhenTimerArmedAsync(TimeSpan dueTime)
    {
        lock (_gate)
        {
            if (_timers.Any(t => t.Due == _now + dueTime)) return Task.CompletedTask;
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((dueTime, signal));
            return signal.Task;
        }
    }

    public void Advance(TimeSpan by)
    {
        List<Timer> due;
        lock (_gate)
        {
            _now += by;
            due = _timers.Where(t => t.Due is { } d && d <= _now).ToList();
            foreach (var t in due) t.Due = t.Period > TimeSpan.Zero ? _now + t.Period : null;
        }
        foreach (var t in due) t.Fire();
    }

    private sealed class Timer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? Due { get; set; }
        public TimeSpan Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : clock._now + dueTime;
                if (Due is not null)
                    foreach (var w in clock._waiters.Where(w => w.DueTime == dueTime).ToList())
                    {
                        clock._waiters.Remove(w);
                        w.Signal.TrySetResult();
                    }
            }
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() { lock (clock._gate) { Due = null; clock._timers.Remove(this); } }

        public ValueTask DisposeAsync() { Dispose(); return ValueTask.CompletedTask; }
    }
}
