namespace Lemegeton.Hub.Gateway;

/// <summary>Connecting to the gateway failed (nothing listens, refused, path missing).</summary>
public sealed record GatewayConnectFailed(long Generation, string Reason);
