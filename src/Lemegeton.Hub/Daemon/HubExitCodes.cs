namespace Lemegeton.Hub.Daemon;

/// <summary>Exit codes of the <c>hub</c> commands and of the hub process itself (documented in docs/hub.md).</summary>
public static class HubExitCodes
{
    /// <summary>Done: started, stopped (gracefully, also after SIGTERM), status printed.</summary>
    public const int Success = 0;

    /// <summary>The hub failed: it could not start, did not become ready in time, or crashed.</summary>
    public const int Failure = 1;

    /// <summary>Bad configuration or options (the same code as every other command).</summary>
    public const int BadConfiguration = 2;

    /// <summary><c>hub status</c> / <c>hub stop</c>: no hub runs in this repository.</summary>
    public const int NotRunning = 3;

    /// <summary><c>hub start</c>: another hub already runs in this repository; the message names its PID.</summary>
    public const int AlreadyRunning = 4;

    /// <summary><c>hub stop</c>: the hub did not exit within the timeout after SIGTERM and was killed (SIGKILL).</summary>
    public const int Killed = 5;

    /// <summary>The hub was forced to exit by a second SIGINT during its graceful shutdown (128 + SIGINT).</summary>
    public const int Forced = 130;
}
