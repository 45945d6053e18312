namespace Lemegeton.Hub.Daemon;

/// <summary>The outcome of <see cref="HubInstanceLock.TryAcquire"/>: the lock, or the PID of the hub that holds it (null when it is not known yet).</summary>
public sealed record HubLockAttempt(HubInstanceLock? Lock, int? RunningPid)
{
    public bool Acquired => Lock is not null;
}
