namespace Lemegeton.Hub.Gateway;

/// <summary>The link's durable state was read: its hubId and the seq ceiling reserved so far.</summary>
public sealed record GatewayLinkLoaded(string HubId, long Ceiling);
