namespace Lemegeton.Hub.Actors.Shutdown;

/// <summary>
/// Answered with <see cref="Akka.Done"/> once every event persisted before it is durable (commands
/// are stashed while a persist is in flight, so the answer comes after them).
/// </summary>
public sealed record FlushJournal
{
    public static FlushJournal Instance { get; } = new();
}
