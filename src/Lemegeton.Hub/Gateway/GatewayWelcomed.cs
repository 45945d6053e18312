namespace Lemegeton.Hub.Gateway;

/// <summary>The gateway answered hello: it has every seq up to LastSeq from this hubId.</summary>
public sealed record GatewayWelcomed(long Generation, string ClientId, long LastSeq, TimeSpan PingInterval);
