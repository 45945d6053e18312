namespace Lemegeton.Hub.Admin;

/// <summary>
/// <c>lemegeton.admin-tcp</c>: the admin API on TCP too, for remote operators; off by default. Every TCP
/// request needs <c>Authorization: Bearer &lt;token&gt;</c>, the token read from <see cref="TokenFile"/>
/// (created, 0600, with 32 random bytes when missing). The Unix socket needs no token (its mode is 0600).
/// </summary>
public sealed class HubAdminTcpOptions
{
    public bool Enabled { get; set; }

    /// <summary>The address to listen on; 127.0.0.1 keeps it on this machine (use an SSH tunnel), 0.0.0.0 opens it to the network.</summary>
    public string Address { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 4054;

    /// <summary>The bearer token's file, relative to the repository root.</summary>
    public string TokenFile { get; set; } = ".lemegeton/admin-token";
}
