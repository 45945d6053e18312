namespace Lemegeton.Hub.Gateway;

/// <summary>Timer message: time to try connecting to the gateway again.</summary>
public sealed record GatewayReconnect
{
    public static GatewayReconnect Instance { get; } = new();
}
