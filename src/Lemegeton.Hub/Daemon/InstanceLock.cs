using System.Globalization;

namespace Lemegeton.Hub.Daemon;

/// <summary>
/// The single-instance guard shared by the hub and the gateway: an exclusive lock on a lock file held for
/// the life of the process, and a PID file written atomically (mode 0600) under it.
/// </summary>
/// <remarks>
/// .NET's FileStream takes a shared flock on every file it opens, so a PID file locked exclusively
/// would be unreadable to <c>stop</c>; the lock therefore lives on its own file, which is never
/// deleted (deleting a locked file lets a second process lock a new file of the same name).
/// The kernel drops the lock when the process ends, however it ends: a PID file without a lock
/// holder is stale and is replaced.
/// </remarks>
internal sealed class InstanceLock : IDisposable
{
    private readonly FileStream _lock;
    private readonly string _pidFile;
    private bool _disposed;

    private InstanceLock(string pidFile, FileStream lockStream, int? stalePid)
    {
        _pidFile = pidFile;
        _lock = lockStream;
        StalePid = stalePid;
    }

    /// <summary>The PID found in a PID file left behind by a process that is gone, if there was one.</summary>
    public int? StalePid { get; }

    /// <summary>
    /// Takes the lock and writes this process's PID, or reports the process that holds it (null when it
    /// has not written its PID within <paramref name="settle"/>: it does so right after locking).
    /// </summary>
    public static (InstanceLock? Lock, int? RunningPid) TryAcquire(string stateDirectory, string lockFile, string pidFile, TimeSpan? settle = null)
    {
        Directory.CreateDirectory(stateDirectory);
        var deadline = DateTime.UtcNow + (settle ?? TimeSpan.FromSeconds(2));
        while (true)
        {
            var stream = TryLock(lockFile, create: true);
            if (stream is not null)
            {
                try
                {
                    var stale = ReadPid(pidFile);
                    WritePrivateFileAtomically(pidFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
                    return (new InstanceLock(pidFile, stream, stale), null);
                }
                catch
                {
                    stream.Dispose();
                    throw;
                }
            }

            var holder = ReadPid(pidFile);
            if (holder is { } pid && pid != Environment.ProcessId && Posix.IsAlive(pid)) return (null, pid);
            if (DateTime.UtcNow >= deadline) return (null, holder);
            Thread.Sleep(25); // the holder is between locking and writing its PID, or probing the lock briefly
        }
    }

    /// <summary>True when a process holds the lock (it runs or is starting). Probes by locking briefly.</summary>
    public static bool IsHeld(string lockFile)
    {
        if (!File.Exists(lockFile)) return false;
        using var stream = TryLock(lockFile, create: false);
        return stream is null && File.Exists(lockFile);
    }

    /// <summary>The PID of the process holding the lock according to the PID file, or null when none runs (a stale PID file is ignored).</summary>
    public static int? RunningPid(string pidFile, string lockFile) =>
        ReadPid(pidFile) is { } pid && Posix.IsAlive(pid) && IsHeld(lockFile) ? pid : null;

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

    /// <summary>Writes <paramref name="content"/> to a temp file (0600), flushed to disk, then renames it over <paramref name="path"/>.</summary>
    public static void WritePrivateFileAtomically(string path, string content)
    {
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = Posix.PrivateFile;
        using (var stream = new FileStream(temp, options))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(content));
            stream.Flush(flushToDisk: true);
        }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, Posix.PrivateFile);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Removes the PID file and releases the lock (in that order, so no one sees our PID without our lock).</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            if (ReadPid(_pidFile) == Environment.ProcessId) File.Delete(_pidFile);
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
}
