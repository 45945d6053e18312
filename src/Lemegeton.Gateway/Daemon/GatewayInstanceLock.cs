using System.Globalization;
using Lemegeton.Hub.Daemon;

namespace Lemegeton.Gateway.Daemon;

/// <summary>
/// The single-instance guard of one repository's gateway, the same scheme as the hub's
/// (<c>HubInstanceLock</c>, docs/hub.md): an exclusive lock on <c>.lemegeton/gateway.lock</c> held for
/// the life of the process (never deleted), and <c>.lemegeton/gateway.pid</c> written atomically under it.
/// </summary>
public sealed class GatewayInstanceLock : IDisposable
{
    private readonly FileStream _lock;
    private bool _disposed;

    private GatewayInstanceLock(GatewayPaths paths, FileStream lockStream, int? stalePid)
    {
        Paths = paths;
        _lock = lockStream;
        StalePid = stalePid;
    }

    public GatewayPaths Paths { get; }

    /// <summary>The PID found in a PID file left by a gateway that is gone, if any.</summary>
    public int? StalePid { get; }

    /// <summary>Takes the lock and writes this PID; or returns null and the holder's PID (null when not yet written).</summary>
    public static (GatewayInstanceLock? Lock, int? RunningPid) TryAcquire(GatewayPaths paths, TimeSpan? settle = null)
    {
        Directory.CreateDirectory(paths.StateDirectory);
        var deadline = DateTime.UtcNow + (settle ?? TimeSpan.FromSeconds(2));
        while (true)
        {
            var stream = TryLock(paths.LockFile, create: true);
            if (stream is not null)
            {
                try
                {
                    var stale = ReadPid(paths.PidFile);
                    WritePidFile(paths.PidFile, Environment.ProcessId);
                    return (new GatewayInstanceLock(paths, stream, stale), null);
                }
                catch
                {
                    stream.Dispose();
                    throw;
                }
            }

            var holder = ReadPid(paths.PidFile);
            if (holder is { } pid && pid != Environment.ProcessId && Posix.IsAlive(pid)) return (null, pid);
            if (DateTime.UtcNow >= deadline) return (null, holder);
            Thread.Sleep(25); // the holder is between locking and writing its PID
        }
    }

    /// <summary>True when a process holds the lock. Probes by locking briefly.</summary>
    public static bool IsHeld(GatewayPaths paths)
    {
        if (!File.Exists(paths.LockFile)) return false;
        using var stream = TryLock(paths.LockFile, create: false);
        return stream is null && File.Exists(paths.LockFile);
    }

    /// <summary>The PID of the running gateway (PID file trusted only while the lock is held), or null.</summary>
    public static int? RunningPid(GatewayPaths paths) =>
        ReadPid(paths.PidFile) is { } pid && Posix.IsAlive(pid) && IsHeld(paths) ? pid : null;

    public static int? ReadPid(string pidFile)
    {
        try
        {
            var text = File.ReadAllText(pidFile);
            return text.EndsWith('\n') && int.TryParse(text.AsSpan().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null;
        }
        catch (FileNotFoundException) { return null; }
        catch (DirectoryNotFoundException) { return null; }
        catch (IOException) { return null; }
    }

    /// <summary>Removes the PID file and releases the lock, in that order.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            if (ReadPid(Paths.PidFile) == Environment.ProcessId) File.Delete(Paths.PidFile);
        }
        finally
        {
            _lock.Dispose();
        }
    }

    private static FileStream? TryLock(string path, bool create)
    {
        try
        {
            var options = new FileStreamOptions
            {
                Mode = create ? FileMode.OpenOrCreate : FileMode.Open,
                Access = FileAccess.ReadWrite,
                Share = FileShare.None, // flock(LOCK_EX | LOCK_NB) on Unix
            };
            if (create) options.UnixCreateMode = Posix.PrivateFile;
            return new FileStream(path, options);
        }
        catch (FileNotFoundException) when (!create) { return null; }
        catch (UnauthorizedAccessException) { throw; }
        catch (IOException) when (File.Exists(path)) { return null; }
    }

    internal static void WritePrivateFileAtomically(string path, string content)
    {
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = Posix.PrivateFile };
        using (var stream = new FileStream(temp, options))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(content));
            stream.Flush(flushToDisk: true);
        }
        File.SetUnixFileMode(temp, Posix.PrivateFile);
        File.Move(temp, path, overwrite: true);
    }

    private static void WritePidFile(string path, int pid) =>
        WritePrivateFileAtomically(path, pid.ToString(CultureInfo.InvariantCulture) + "\n");
}
