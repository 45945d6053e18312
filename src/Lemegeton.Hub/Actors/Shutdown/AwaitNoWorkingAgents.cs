namespace Lemegeton.Hub.Actors.Shutdown;

/// <summary>
/// Answered with <see cref="WorkingAgents"/> (empty) as soon as no session holds an assignment: at once
/// when none does, else when the last one completes, fails or is reclaimed. Idle agents never delay it.
/// </summary>
public sealed record AwaitNoWorkingAgents
{
    public static AwaitNoWorkingAgents Instance { get; } = new();
}
