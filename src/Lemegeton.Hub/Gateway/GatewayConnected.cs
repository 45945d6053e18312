namespace Lemegeton.Hub.Gateway;

/// <summary>A connection to the gateway's socket was opened.</summary>
public sealed record GatewayConnected(GatewayConnection Connection);
