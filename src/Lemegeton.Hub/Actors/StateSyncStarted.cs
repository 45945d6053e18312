namespace Lemegeton.Hub.Actors;

/// <summary>State sync → coordinator when it (re)starts: send the cold transitions still waiting for git.</summary>
public sealed record StateSyncStarted
{
    public static StateSyncStarted Instance { get; } = new();
}
