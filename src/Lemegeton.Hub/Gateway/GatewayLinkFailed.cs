namespace Lemegeton.Hub.Gateway;

/// <summary>Reading or writing the link's state file failed; the actor fails and its supervisor restarts it.</summary>
public sealed record GatewayLinkFailed(Exception Error);
