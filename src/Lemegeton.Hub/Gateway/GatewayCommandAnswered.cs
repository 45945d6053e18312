namespace Lemegeton.Hub.Gateway;

/// <summary>The coordinator's answer to a forwarded command (or why there is none).</summary>
public sealed record GatewayCommandAnswered(string Id, bool Ok, string Message);
