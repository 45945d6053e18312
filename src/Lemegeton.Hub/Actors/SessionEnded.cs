namespace Lemegeton.Hub.Actors;

/// <summary>Session → coordinator: the session is over (bye, heartbeat timeout, agent terminated); reclaim its work.</summary>
public sealed record SessionEnded(string SessionId, string Reason);
