namespace Lemegeton.Hub.Gateway;

/// <summary>The write in flight on this generation's connection completed.</summary>
public sealed record GatewayWriteCompleted(long Generation);
