namespace Lemegeton.Hub.Daemon;

/// <summary>
/// The single-instance guard of one repository's hub (<see cref="InstanceLock"/>): an exclusive lock on
/// <c>.lemegeton/hub.lock</c> held for the life of the process, and <c>.lemegeton/hub.pid</c> written atomically under it.
/// </summary>
public sealed class HubInstanceLock : IDisposable
{
    private readonly InstanceLock _lock;

    private HubInstanceLock(HubPaths paths, InstanceLock instanceLock)
    {
        Paths = paths;
        _lock = instanceLock;
    }

    public HubPaths Paths { get; }

    /// <summary>The PID found in a PID file left behind by a hub that is gone, if there was one.</summary>
    public int? StalePid => _lock.StalePid;

    /// <summary>
    /// Takes the lock and writes this process's PID, or reports the hub that holds it. A holder that
    /// has not yet written its PID (it does so right after locking) is waited for up to <paramref name="settle"/>.
    /// </summary>
    public static HubLockAttempt TryAcquire(HubPaths paths, TimeSpan? settle = null)
    {
        var (instance, running) = InstanceLock.TryAcquire(paths.StateDirectory, paths.LockFile, paths.PidFile, settle);
        return new HubLockAttempt(instance is null ? null : new HubInstanceLock(paths, instance), running);
    }

    /// <summary>True when a process holds the lock (a hub runs or is starting). Probes by locking briefly.</summary>
    public static bool IsHeld(HubPaths paths) => InstanceLock.IsHeld(paths.LockFile);

    /// <summary>The PID of the hub holding the lock according to the PID file, or null when none runs (a stale PID file is ignored).</summary>
    public static int? RunningPid(HubPaths paths) => InstanceLock.RunningPid(paths.PidFile, paths.LockFile);

    /// <summary>The PID in a PID file, or null when it is missing, partial or not a number.</summary>
    public static int? ReadPid(string pidFile) => InstanceLock.ReadPid(pidFile);

    /// <summary>Removes the PID file and releases the lock.</summary>
    public void Dispose() => _lock.Dispose();
}
