namespace Lemegeton.Hub.Gateway;

/// <summary>The gateway delivered everything up to Seq.</summary>
public sealed record GatewayAcked(long Generation, long Seq);
