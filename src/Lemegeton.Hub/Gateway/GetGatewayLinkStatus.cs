namespace Lemegeton.Hub.Gateway;

/// <summary>Asks the link how it stands; the answer is a <see cref="GatewayLinkStatus"/>.</summary>
public sealed record GetGatewayLinkStatus
{
    public static GetGatewayLinkStatus Instance { get; } = new();
}
