namespace Lemegeton.Hub.Actors.Shutdown;

/// <summary>
/// Shutdown: release every lease (one <see cref="Events.LeasesReleased"/> per holding session, journaled);
/// answered with <see cref="Akka.Done"/> once durable.
/// </summary>
public sealed record ReleaseAllLeases
{
    public static ReleaseAllLeases Instance { get; } = new();
}
