namespace Lemegeton.Hub.Admin;

/// <summary>Nothing answers on the admin socket: no hub runs in this repository (or it is not ready yet).</summary>
public sealed class HubNotRunningException(string adminSocket, Exception? inner = null)
    : Exception($"no hub answers on {adminSocket}", inner)
{
    public string AdminSocket { get; } = adminSocket;
}
