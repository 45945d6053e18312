namespace Lemegeton.Gateway.Ipc;

/// <summary>Another gateway answers on the IPC socket path: a live gateway is never displaced.</summary>
public sealed class GatewayAlreadyRunningException(string socketPath)
    : Exception($"a gateway is already listening on {socketPath}; it is never displaced (stop it first)")
{
    public string SocketPath { get; } = socketPath;
}
