using Microsoft.Extensions.Logging;

namespace Lemegeton.Gateway;

/// <summary>The gateway's log messages.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(1, LogLevel.Information, "Gateway {Pid} ready in {Repository}: IPC on {Socket}, dashboard on {Url}, started in {Elapsed}")]
    public static partial void Ready(ILogger logger, int pid, string repository, string socket, string url, TimeSpan elapsed);

    [LoggerMessage(2, LogLevel.Warning, "Replaced a stale PID file left by process {StalePid}, which no longer holds the gateway lock")]
    public static partial void StalePidFileReplaced(ILogger logger, int stalePid);

    [LoggerMessage(3, LogLevel.Warning, "Removed a stale IPC socket {Socket} (nothing was listening)")]
    public static partial void StaleSocketRemoved(ILogger logger, string socket);

    [LoggerMessage(4, LogLevel.Information, "IPC listening on {Socket} (mode 0600)")]
    public static partial void IpcListening(ILogger logger, string socket);

    [LoggerMessage(5, LogLevel.Debug, "IPC client {ClientId} connected")]
    public static partial void IpcClientConnected(ILogger logger, string clientId);

    [LoggerMessage(6, LogLevel.Information, "IPC client {ClientId} (hub {HubId}) gone")]
    public static partial void IpcClientGone(ILogger logger, string clientId, string? hubId);

    [LoggerMessage(7, LogLevel.Information, "Hub {HubId} said hello on {ClientId} (pid {HubPid}); resend starts after seq {LastSeq}")]
    public static partial void HubHello(ILogger logger, string clientId, string hubId, long lastSeq, int hubPid);

    [LoggerMessage(8, LogLevel.Warning, "Skipped a malformed IPC line from {ClientId}: {Reason}")]
    public static partial void MalformedLine(ILogger logger, string clientId, string reason);

    [LoggerMessage(9, LogLevel.Warning, "Skipped an IPC line from {ClientId} longer than {MaxBytes} bytes")]
    public static partial void OversizeLine(ILogger logger, string clientId, int maxBytes);

    [LoggerMessage(10, LogLevel.Warning, "Ignored a {Type} line from {ClientId} before its hello")]
    public static partial void BeforeHello(ILogger logger, string clientId, string type);

    [LoggerMessage(11, LogLevel.Debug, "Ignored an IPC line of unknown type {Type} from {ClientId}")]
    public static partial void UnknownType(ILogger logger, string clientId, string type);

    [LoggerMessage(12, LogLevel.Information, "IPC client {ClientId} said bye: {Reason}")]
    public static partial void IpcBye(ILogger logger, string clientId, string reason);

    [LoggerMessage(13, LogLevel.Warning, "IPC client {ClientId} silent for {Silence}: dropped")]
    public static partial void IpcClientSilent(ILogger logger, string clientId, TimeSpan silence);

    [LoggerMessage(14, LogLevel.Information, "Hub link: connected={Connected}, hub {HubId}")]
    public static partial void HubLink(ILogger logger, bool connected, string? hubId);

    [LoggerMessage(15, LogLevel.Warning, "Browser {BrowserId} fell {Queue} frames behind: disconnected")]
    public static partial void SlowBrowserDropped(ILogger logger, long browserId, int queue);

    [LoggerMessage(16, LogLevel.Debug, "A command_result {Id} matched no pending command")]
    public static partial void UnmatchedCommandResult(ILogger logger, string id);

    [LoggerMessage(17, LogLevel.Information, "Gateway {Pid} stopped after {Uptime}")]
    public static partial void Stopped(ILogger logger, int pid, TimeSpan uptime);

    [LoggerMessage(18, LogLevel.Critical, "Gateway failed to start")]
    public static partial void StartFailed(ILogger logger, Exception exception);

    [LoggerMessage(19, LogLevel.Information, "Received {Signal}: stopping gracefully")]
    public static partial void StopSignal(ILogger logger, string signal);

    [LoggerMessage(20, LogLevel.Warning, "Received {Signal} again during shutdown: exiting immediately")]
    public static partial void ForcedExit(ILogger logger, string signal);

    [LoggerMessage(21, LogLevel.Debug, "Browser {BrowserId} connected (filters: {Filtered})")]
    public static partial void BrowserConnected(ILogger logger, long browserId, bool filtered);

    [LoggerMessage(22, LogLevel.Debug, "Browser {BrowserId} disconnected")]
    public static partial void BrowserDisconnected(ILogger logger, long browserId);

    [LoggerMessage(23, LogLevel.Warning, "Browser {BrowserId} sent an unreadable message: {Reason}")]
    public static partial void BrowserBadMessage(ILogger logger, long browserId, string reason);
}
