using System.Diagnostics;

namespace Lemegeton.Hub.Daemon;

/// <summary>Stops the hub of a repository: SIGTERM, wait for its graceful shutdown, SIGKILL after the timeout.</summary>
public static class HubStopper
{
    public static async Task<HubStopResult> StopAsync(HubPaths paths, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var pid = await FindRunningAsync(paths, cancellationToken).ConfigureAwait(false);
        if (pid is not { } hub) return new HubStopResult(HubExitCodes.NotRunning, null, NotRunningMessage(paths));

        var started = Stopwatch.GetTimestamp();
        if (!Posix.Signal(hub, Posix.SigTerm)) return new HubStopResult(HubExitCodes.Success, hub, $"hub stopped (pid {hub})");
        if (await WaitForExitAsync(paths, hub, timeout, cancellationToken).ConfigureAwait(false))
            return new HubStopResult(HubExitCodes.Success, hub, $"hub stopped (pid {hub}) in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");

        Posix.Signal(hub, Posix.SigKill);
        await WaitForExitAsync(paths, hub, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        // A killed hub could not remove its files; with its lock gone they are ours to clean.
        if (!HubInstanceLock.IsHeld(paths))
        {
            TryDelete(paths.AdminSocket);
            Node.HubAddressFile.Remove(paths);
            if (HubInstanceLock.ReadPid(paths.PidFile) == hub) TryDelete(paths.PidFile);
        }

        return new HubStopResult(HubExitCodes.Killed, hub,
            $"hub (pid {hub}) did not stop within {timeout.TotalSeconds:0.#} s of SIGTERM and was killed (SIGKILL)");
    }

    /// <summary>The PID of the hub running in the repository: the one answering on the admin socket, else the live holder of the PID file.</summary>
    public static async Task<int?> FindRunningAsync(HubPaths paths, CancellationToken cancellationToken = default)
    {
        if (await HubLauncher.TryStatusAsync(paths, cancellationToken).ConfigureAwait(false) is { } status) return status.Pid;
        // Not answering (hung, or still starting): trust the PID file only while its lock is held.
        return HubInstanceLock.RunningPid(paths);
    }

    public static string NotRunningMessage(HubPaths paths) => $"no hub is running in {paths.RepositoryRoot}";

    private static async Task<bool> WaitForExitAsync(HubPaths paths, int pid, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < timeout)
        {
            // The lock is the definitive sign: the hub releases it last (after removing its socket and
            // PID file), and the kernel only when the last thread is gone, whereas the main thread of a
            // killed process shows as a zombie while the others still hold its files.
            if (File.Exists(paths.LockFile) ? !HubInstanceLock.IsHeld(paths) : !Posix.IsAlive(pid)) return true;
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        return File.Exists(paths.LockFile) ? !HubInstanceLock.IsHeld(paths) : !Posix.IsAlive(pid);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
