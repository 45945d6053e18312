namespace Lemegeton.Hub.Gateway;

/// <summary>Timer message: has the gateway been heard from within two ping intervals?</summary>
public sealed record GatewayLivenessCheck
{
    public static GatewayLivenessCheck Instance { get; } = new();
}
