namespace Lemegeton.Gateway;

/// <summary>Exit codes of the <c>gateway</c> commands and of the gateway process; the same meanings as the hub's (docs/gateway.md).</summary>
public static class GatewayExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadConfiguration = 2;
    public const int NotRunning = 3;
    public const int AlreadyRunning = 4;
    public const int Killed = 5;
    public const int Forced = 130;
}
