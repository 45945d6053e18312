namespace Lemegeton.Gateway.Daemon;

/// <summary>What <c>/api/status</c> says about a running gateway (the fields <c>gateway status</c> prints).</summary>
public sealed record GatewayStatus(int Pid, string Version, string Url, string Socket, double UptimeSeconds, bool HubConnected, int Browsers, long Events, long Duplicates, long Skipped);
