namespace Lemegeton.Actors;

// Receive timeout on the system's TimeProvider. Each reset bumps a generation number so a tick
// that was already queued when a message arrived is recognised as stale and dropped.
internal sealed partial class ActorCell
{
    private ReceiveTimeoutState? _receiveTimeout;

    TimeSpan? IActorContext.ReceiveTimeout => _receiveTimeout?.Timeout;

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        if (timeout is null || timeout <= TimeSpan.Zero || timeout == Timeout.InfiniteTimeSpan)
        {
            if (_receiveTimeout is { } state)
            {
                _receiveTimeout = null;
                state.Timer.Dispose();
            }
            return;
        }
        _receiveTimeout ??= new ReceiveTimeoutState(this);
        _receiveTimeout.Timeout = timeout.Value;
        RescheduleReceiveTimeout();
    }

    private void RescheduleReceiveTimeout()
    {
        var state = _receiveTimeout!;
        state.Generation++;
        state.ResetAt = _system.TimeProvider.GetTimestamp();
        state.Timer.Change(state.Timeout, Timeout.InfiniteTimeSpan);
    }

    private bool AcceptReceiveTimeout(ReceiveTimeoutTick tick)
    {
        if (_receiveTimeout is not { } s || s.Generation != tick.Generation) return false;
        // The timer is reused, so a callback already running when a message reset the timeout reads
        // the new generation: only the clock tells such a tick apart. Re-arming for the rest also
        // covers a timer that fires slightly early on a coarser clock.
        var idle = _system.TimeProvider.GetElapsedTime(s.ResetAt);
        if (idle >= s.Timeout) return true;
        s.Timer.Change(s.Timeout - idle, Timeout.InfiniteTimeSpan);
        return false;
    }

    private void CancelTimersAndTimeout()
    {
        _timers?.CancelAll();
        SetReceiveTimeout(null);
    }

    private sealed class ReceiveTimeoutState
    {
        public readonly ITimer Timer;
        public TimeSpan Timeout;
        public int Generation;
        public long ResetAt;

        public ReceiveTimeoutState(ActorCell cell)
        {
            Timer = cell._system.TimeProvider.CreateTimer(static s =>
            {
                var (c, state) = ((ActorCell, ReceiveTimeoutState))s!;
                c.Tell(new ReceiveTimeoutTick(Volatile.Read(ref state.Generation)), null);
            }, (cell, this), global::System.Threading.Timeout.InfiniteTimeSpan, global::System.Threading.Timeout.InfiniteTimeSpan);
        }
    }
}

/// <summary>Internal tick of the receive timeout, turned into <see cref="ReceiveTimeout"/> if still current.</summary>
internal sealed class ReceiveTimeoutTick(int generation) : INotInfluenceReceiveTimeout
{
    public readonly int Generation = generation;
}
