namespace Lemegeton.Hub.Gateway;

/// <summary>An operator command from the dashboard, forwarded by the gateway.</summary>
public sealed record GatewayCommandReceived(long Generation, string Id, string Name, string ArgsJson);
