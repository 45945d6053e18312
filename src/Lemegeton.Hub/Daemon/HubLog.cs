using Microsoft.Extensions.Logging;

namespace Lemegeton.Hub.Daemon;

/// <summary>The daemon's log messages.</summary>
internal static partial class HubLog
{
    [LoggerMessage(1, LogLevel.Information, "Hub {Pid} ready in {Repository}: admin API on {AdminSocket}, started in {Elapsed}")]
    public static partial void Ready(ILogger logger, int pid, string repository, string adminSocket, TimeSpan elapsed);

    [LoggerMessage(2, LogLevel.Warning, "Replaced a stale PID file left by process {StalePid}, which no longer holds the hub lock")]
    public static partial void StalePidFileReplaced(ILogger logger, int stalePid);

    [LoggerMessage(3, LogLevel.Warning, "Removed a stale admin socket {AdminSocket}")]
    public static partial void StaleSocketRemoved(ILogger logger, string adminSocket);

    [LoggerMessage(4, LogLevel.Information, "Received {Signal}: stopping gracefully")]
    public static partial void StopSignal(ILogger logger, string signal);

    [LoggerMessage(5, LogLevel.Warning, "Received {Signal} again during shutdown: exiting immediately")]
    public static partial void ForcedExit(ILogger logger, string signal);

    [LoggerMessage(6, LogLevel.Information, "Received {Signal} during shutdown: already stopping (send SIGINT again to force)")]
    public static partial void AlreadyStopping(ILogger logger, string signal);

    [LoggerMessage(7, LogLevel.Debug, "Ignored {Signal}: repeated within the debounce window")]
    public static partial void SignalDebounced(ILogger logger, string signal);

    [LoggerMessage(8, LogLevel.Information, "Received SIGHUP: reload #{ReloadCount} requested")]
    public static partial void ReloadRequested(ILogger logger, int reloadCount);

    [LoggerMessage(9, LogLevel.Error, "A reload subscriber failed")]
    public static partial void ReloadSubscriberFailed(ILogger logger, Exception exception);

    [LoggerMessage(10, LogLevel.Information, "Shutdown: running {StepCount} steps within {ShutdownTimeout}")]
    public static partial void ShutdownStarted(ILogger logger, int stepCount, TimeSpan shutdownTimeout);

    [LoggerMessage(11, LogLevel.Information, "Shutdown step {Step} ({Stage}) started, bound {Bound}")]
    public static partial void ShutdownStepStarted(ILogger logger, string step, HubShutdownStage stage, TimeSpan bound);

    [LoggerMessage(12, LogLevel.Information, "Shutdown step {Step} ({Stage}) completed in {Elapsed}")]
    public static partial void ShutdownStepCompleted(ILogger logger, string step, HubShutdownStage stage, TimeSpan elapsed);

    [LoggerMessage(13, LogLevel.Warning, "Shutdown step {Step} ({Stage}) abandoned after {Bound}: {Outcome}")]
    public static partial void ShutdownStepAbandoned(ILogger logger, string step, HubShutdownStage stage, TimeSpan bound, HubShutdownStepOutcome outcome);

    [LoggerMessage(14, LogLevel.Error, "Shutdown step {Step} ({Stage}) failed")]
    public static partial void ShutdownStepFailed(ILogger logger, Exception exception, string step, HubShutdownStage stage);

    [LoggerMessage(15, LogLevel.Warning, "Shutdown step {Step} ({Stage}) skipped: the shutdown ran out of time")]
    public static partial void ShutdownStepSkipped(ILogger logger, string step, HubShutdownStage stage);

    [LoggerMessage(16, LogLevel.Information, "Shutdown steps finished in {Elapsed}")]
    public static partial void ShutdownFinished(ILogger logger, TimeSpan elapsed);

    [LoggerMessage(17, LogLevel.Information, "Hub {Pid} stopped after {Uptime}")]
    public static partial void Stopped(ILogger logger, int pid, TimeSpan uptime);

    [LoggerMessage(18, LogLevel.Critical, "Hub failed to start")]
    public static partial void StartFailed(ILogger logger, Exception exception);

    [LoggerMessage(19, LogLevel.Information, "Shutdown requested through the admin API")]
    public static partial void ShutdownRequested(ILogger logger);
}
