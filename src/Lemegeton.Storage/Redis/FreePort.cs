using System.Net;
using System.Net.Sockets;

namespace Lemegeton.Storage.Redis;

/// <summary>Finds a free loopback TCP port by letting the kernel choose one.</summary>
public static class FreePort
{
    public static int Find()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }
}
