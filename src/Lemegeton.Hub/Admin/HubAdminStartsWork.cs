namespace Lemegeton.Hub.Admin;

/// <summary>Endpoint metadata: the request starts work, so it is refused (503) once the hub is stopping.</summary>
public sealed class HubAdminStartsWork
{
    public static HubAdminStartsWork Instance { get; } = new();
}
