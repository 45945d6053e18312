using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog.Extensions.Logging;

namespace Lemegeton.Hub.Daemon;

/// <summary>
/// The hub process: takes the single-instance lock, starts the host (admin API, actor system via
/// <c>extend</c>), reports ready, runs until a stop signal or <c>POST /v1/shutdown</c>, shuts down
/// gracefully and removes its socket and PID file.
/// </summary>
public static class HubDaemon
{
    /// <summary>Runs the hub in this process until it stops; returns the exit code (see <see cref="HubExitCodes"/>).</summary>
    /// <param name="settings">Repository and settings.</param>
    /// <param name="error">Where start-up failures are written (the launching <c>hub start</c> shows them).</param>
    /// <param name="extend">Adds services to the host: the actor system, shutdown steps, admin endpoints.</param>
    public static async Task<int> RunAsync(HubDaemonSettings settings, TextWriter error, Action<WebApplicationBuilder>? extend = null)
    {
        var started = Stopwatch.GetTimestamp();
        var paths = settings.Paths;
        if (settings.Detached) Posix.DetachFromTerminal();

        foreach (var socket in new[] { paths.AdminSocket, HubHostBuilder.BindPath(paths) })
        {
            var length = Encoding.UTF8.GetByteCount(socket);
            if (length > HubPaths.MaxSocketPathBytes)
            {
                error.WriteLine($"hub: the admin socket path {socket} is {length} bytes long; Unix sockets allow {HubPaths.MaxSocketPathBytes}. Move the repository to a shorter path.");
                return HubExitCodes.Failure;
            }
        }

        var attempt = HubInstanceLock.TryAcquire(paths);
        if (attempt.Lock is not { } instance)
        {
            error.WriteLine(attempt.RunningPid is { } pid
                ? $"hub: a hub is already running in {paths.RepositoryRoot} (pid {pid})"
                : $"hub: a hub is already starting in {paths.RepositoryRoot} ({paths.LockFile} is locked)");
            return HubExitCodes.AlreadyRunning;
        }

        Posix.CreatePrivateDirectory(settings.LogDirectory);
        Posix.CreatePrivateDirectory(paths.PrivateRunDirectory);
        var log = HubHostBuilder.CreateLog(settings);
        using var loggers = new SerilogLoggerFactory(log);
        var logger = loggers.CreateLogger(typeof(HubDaemon).FullName!);
        if (instance.StalePid is { } stale) HubLog.StalePidFileReplaced(logger, stale);
        RemoveStaleSocket(paths.AdminSocket, logger);
        RemoveStaleSocket(Node.HubAddressFile.PathOf(paths), logger);
        RemoveStaleSocket(HubHostBuilder.BindPath(paths), logger);

        var cleaned = 0;
        void Cleanup()
        {
            if (Interlocked.Exchange(ref cleaned, 1) == 1) return;
            TryDelete(paths.AdminSocket);
            Node.HubAddressFile.Remove(paths);
            instance.Dispose(); // PID file removed, then the lock released
        }

        var forced = new HubForcedExit(() =>
        {
            Cleanup();
            log.Dispose();
            Posix.ExitImmediately(HubExitCodes.Forced);
        });

        WebApplication? app = null;
        try
        {
            app = HubHostBuilder.Build(settings, log, forced, extend);
            await app.StartAsync().ConfigureAwait(false);
            PublishSocket(paths);
        }
        catch (Exception e)
        {
            HubLog.StartFailed(logger, e);
            error.WriteLine($"hub: failed to start: {e.Message}");
            if (app is not null) await app.DisposeAsync().ConfigureAwait(false);
            Cleanup();
            await log.DisposeAsync().ConfigureAwait(false);
            return HubExitCodes.Failure;
        }

        if (settings.Detached) Posix.RedirectOutput(paths.ConsoleFile(settings.LogDirectory));
        HubLog.Ready(logger, Environment.ProcessId, paths.RepositoryRoot, paths.AdminSocket, Stopwatch.GetElapsedTime(started));
        try
        {
            await app.WaitForShutdownAsync().ConfigureAwait(false);
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
            Cleanup();
            HubLog.Stopped(logger, Environment.ProcessId, Stopwatch.GetElapsedTime(started));
            await log.DisposeAsync().ConfigureAwait(false);
        }

        return HubExitCodes.Success;
    }

    /// <summary>
    /// Makes the bound socket owner-only and moves it into place. It was bound inside the 0700 run
    /// folder, so it is never reachable by anyone else, and the rename replaces any leftover atomically.
    /// </summary>
    private static void PublishSocket(HubPaths paths)
    {
        var bound = HubHostBuilder.BindPath(paths);
        File.SetUnixFileMode(bound, Posix.PrivateFile);
        File.Move(bound, paths.AdminSocket, overwrite: true);
    }

    // Only called while holding the lock: no running hub can own these.
    private static void RemoveStaleSocket(string path, ILogger logger)
    {
        if (!File.Exists(path)) return;
        File.Delete(path);
        HubLog.StaleSocketRemoved(logger, path);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
