using System.Globalization;

namespace Lemegeton.Hub.Daemon;

/// <summary>
/// The single-instance guard of one repository's hub: an exclusive lock on <c>.lemegeton/hub.lock</c>
/// held for the life of the process, and <c>.lemegeton/hub.pid</c> written atomically under it.
/// </summary>
/// <remarks>
/// .NET's FileStream takes a shared flock on every file it opens, so a PID file locked exclusively
/// would be unreadable to <c>hub stop</c>; the lock therefore lives on its own file, which is never
/// deleted (deleting a locked file lets a second process lock a new file of the same name).
/// The kernel drops the lock when the process ends, however it ends: a PID file without a lock
/// holder is stale and is replaced.
/// </remarks>
public sealed class HubInstanceLock : IDisposable
{
    private readonly FileStream _lock;
    private bool _disposed;

    private HubInstanceLock(HubPaths paths, FileStream lockStream, int? stalePid)
    {
        Paths = paths;
        _lock = lockStream;
        StalePid = stalePid;
    }

    public HubPaths Paths { get; }

    /// <summary>The PID found in a PID file left behind by a hub that is gone, if there was one.</summary>
    public int? StalePid { get; }

    /// <summary>
    /// Takes the lock and writes this process's PID, or reports the hub that holds it. A holder that
    /// has not yet written its PID (it does so right after locking) is waited for up to <paramref name="settle"/>.
    /// </summary>
    public static HubLockAttempt TryAcquire(HubPaths paths, TimeSpan? settle = null)
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
                    return new HubLockAttempt(new HubInstanceLock(paths, stream, stale), null);
                }
                catch
                {
                    stream.Dispose();
                    throw;
                }
            }

            var holder = ReadPid(paths.PidFile);
            if (holder is { } pid && pid != Environment.ProcessId && Posix.IsAlive(pid)) return new HubLockAttempt(null, pid);
            if (DateTime.UtcNow >= deadline) return new HubLockAttempt(null, holder);
            Thread.Sleep(25); // the holder is between locking and writing its PID, or probing the lock briefly
        }
    }

    /// <summary>True when a process holds the lock (a hub runs or is starting). Probes by locking briefly.</summary>
    public static bool IsHeld(HubPaths paths)
    {
        if (!File.Exists(paths.LockFile)) return false;
        using var stream = TryLock(paths.LockFile, create: false);
        return stream is null && File.Exists(paths.LockFile);
    }

    /// <summary>The PID of the hub holding the lock according to the PID file, or null when none runs (a stale PID file is ignored).</summary>
    public static int? RunningPid(HubPaths paths) =>
        ReadPid(paths.PidFile) is { } pid && Posix.IsAlive(pid) && IsHeld(paths) ? pid : null;

    /// <summary>The PID in a PID file, or null when it is missing, partial or not a number.</summary>
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

    /// <summary>Removes the PID file and releases the lock (in that order, so no one sees our PID without our lock).</summary>
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
            if (create && !OperatingSystem.IsWindows()) options.UnixCreateMode = Posix.PrivateFile;
            return new FileStream(path, options);
        }
        catch (FileNotFoundException) when (!create) { return null; }
        catch (UnauthorizedAccessException) { throw; }
        catch (IOException) when (File.Exists(path)) { return null; }
    }

    private static void WritePidFile(string path, int pid)
    {
        var temp = $"{path}.{pid}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = Posix.PrivateFile;
        using (var stream = new FileStream(temp, options))
        {
            stream.Write(System.Text.Encoding.ASCII.GetBytes(pid.ToString(CultureInfo.InvariantCulture) + "\n"));
            stream.Flush(flushToDisk: true);
        }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, Posix.PrivateFile);
        File.Move(temp, path, overwrite: true);
    }
}
