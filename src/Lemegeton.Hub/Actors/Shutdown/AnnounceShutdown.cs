namespace Lemegeton.Hub.Actors.Shutdown;

/// <summary>
/// Shutdown: tell every live session's agent <see cref="Protocol.Coordination.Shutdown"/> with this grace
/// (finish or hand back the current PR). Answered with <see cref="Akka.Done"/> once sent.
/// </summary>
public sealed record AnnounceShutdown(TimeSpan Grace);
