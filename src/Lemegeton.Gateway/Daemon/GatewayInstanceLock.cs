using Lemegeton.Hub.Daemon;

namespace Lemegeton.Gateway.Daemon;

/// <summary>
/// The single-instance guard of one repository's gateway, the hub's scheme (<see cref="InstanceLock"/>,
/// docs/hub.md): an exclusive lock on <c>.lemegeton/gateway.lock</c> held for the life of the process
/// (never deleted), and <c>.lemegeton/gateway.pid</c> written atomically under it.
/// </summary>
public sealed class GatewayInstanceLock : IDisposable
{
    private readonly InstanceLock _lock;

    private GatewayInstanceLock(GatewayPaths paths, InstanceLock instanceLock)
    {
        Paths = paths;
        _lock = instanceLock;
    }

    public GatewayPaths Paths { get; }

    /// <summary>The PID found in a PID file left by a gateway that is gone, if any.</summary>
    public int? StalePid => _lock.StalePid;

    /// <summary>Takes the lock and writes this PID; or returns null and the holder's PID (null when not yet written).</summary>
    public static (GatewayInstanceLock? Lock, int? RunningPid) TryAcquire(GatewayPaths paths, TimeSpan? settle = null)
    {
        var (instance, running) = InstanceLock.TryAcquire(paths.StateDirectory, paths.LockFile, paths.PidFile, settle);
        return (instance is null ? null : new GatewayInstanceLock(paths, instance), running);
    }

    /// <summary>True when a process holds the lock. Probes by locking briefly.</summary>
    public static bool IsHeld(GatewayPaths paths) => InstanceLock.IsHeld(paths.LockFile);

    /// <summary>The PID of the running gateway (PID file trusted only while the lock is held), or null.</summary>
    public static int? RunningPid(GatewayPaths paths) => InstanceLock.RunningPid(paths.PidFile, paths.LockFile);

    public static int? ReadPid(string pidFile) => InstanceLock.ReadPid(pidFile);

    /// <summary>Removes the PID file and releases the lock, in that order.</summary>
    public void Dispose() => _lock.Dispose();
}
