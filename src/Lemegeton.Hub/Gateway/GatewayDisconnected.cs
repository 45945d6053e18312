namespace Lemegeton.Hub.Gateway;

/// <summary>The connection of this generation ended (closed, write failed, gateway said bye).</summary>
public sealed record GatewayDisconnected(long Generation, string Reason);
