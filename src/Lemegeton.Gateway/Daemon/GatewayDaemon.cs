using System.Diagnostics;
using Lemegeton.Gateway.Ipc;
using Lemegeton.Hub.Daemon;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog.Extensions.Logging;

namespace Lemegeton.Gateway.Daemon;

/// <summary>
/// The gateway process: takes the single-instance lock, starts the IPC server and Kestrel, writes its
/// URL, runs until a stop signal, shuts down gracefully and removes its socket, URL and PID files.
/// </summary>
public static class GatewayDaemon
{
    public static async Task<int> RunAsync(GatewayDaemonSettings settings, TextWriter error)
    {
        var started = Stopwatch.GetTimestamp();
        var paths = settings.Paths;
        if (settings.Detached) Posix.DetachFromTerminal();

        var (instance, runningPid) = GatewayInstanceLock.TryAcquire(paths);
        if (instance is null)
        {
            error.WriteLine(runningPid is { } pid
                ? $"gateway: a gateway is already running in {paths.RepositoryRoot} (pid {pid})"
                : $"gateway: a gateway is already starting in {paths.RepositoryRoot} ({paths.LockFile} is locked)");
            return GatewayExitCodes.AlreadyRunning;
        }

        Posix.CreatePrivateDirectory(settings.Logging.Directory);
        var log = GatewayHost.CreateLog(settings);
        using var loggers = new SerilogLoggerFactory(log);
        var logger = loggers.CreateLogger(typeof(GatewayDaemon).FullName!);
        if (instance.StalePid is { } stale) GatewayLog.StalePidFileReplaced(logger, stale);

        var cleaned = 0;
        void Cleanup()
        {
            if (Interlocked.Exchange(ref cleaned, 1) == 1) return;
            TryDelete(paths.UrlFile);
            instance.Dispose();
        }

        var forced = new GatewayForcedExit(() =>
        {
            TryDelete(paths.Socket);
            Cleanup();
            log.Dispose();
            Posix.ExitImmediately(GatewayExitCodes.Forced);
        });

        WebApplication? app = null;
        string url;
        try
        {
            app = GatewayHost.Build(settings, log, forced);
            await app.StartAsync().ConfigureAwait(false);
            url = GatewayHost.ListeningUrl(app);
            app.Services.GetRequiredService<GatewayStatusSource>().Url = url;
            InstanceLock.WritePrivateFileAtomically(paths.UrlFile, url + "\n");
        }
        catch (Exception e)
        {
            var code = e is GatewayAlreadyRunningException ? GatewayExitCodes.AlreadyRunning : GatewayExitCodes.Failure;
            if (code == GatewayExitCodes.Failure) GatewayLog.StartFailed(logger, e);
            error.WriteLine($"gateway: {(code == GatewayExitCodes.Failure ? "failed to start: " : "")}{e.Message}");
            if (app is not null)
            {
                try { await app.DisposeAsync().ConfigureAwait(false); } catch (Exception) { /* already failing */ }
            }
            Cleanup();
            await log.DisposeAsync().ConfigureAwait(false);
            return code;
        }

        if (settings.Detached) Posix.RedirectOutput(GatewayPaths.ConsoleFile(settings.Logging.Directory));
        GatewayLog.Ready(logger, Environment.ProcessId, paths.RepositoryRoot, paths.Socket, url, Stopwatch.GetElapsedTime(started));
        try
        {
            await app.WaitForShutdownAsync().ConfigureAwait(false);
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
            Cleanup();
            GatewayLog.Stopped(logger, Environment.ProcessId, Stopwatch.GetElapsedTime(started));
            await log.DisposeAsync().ConfigureAwait(false);
        }
        return GatewayExitCodes.Success;
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
