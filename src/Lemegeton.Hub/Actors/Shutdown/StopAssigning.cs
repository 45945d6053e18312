namespace Lemegeton.Hub.Actors.Shutdown;

/// <summary>
/// Shutdown, first step: the coordinator assigns nothing more for the rest of its life (running PRs go
/// on). Not persisted: a restarted hub assigns again. Answered with <see cref="Akka.Done"/>.
/// </summary>
public sealed record StopAssigning
{
    public static StopAssigning Instance { get; } = new();
}
