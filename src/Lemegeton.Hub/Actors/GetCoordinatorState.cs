namespace Lemegeton.Hub.Actors;

/// <summary>Asks the coordinator for its hot state; the answer is a <see cref="Events.CoordinatorSnapshot"/>.</summary>
public sealed record GetCoordinatorState
{
    public static GetCoordinatorState Instance { get; } = new();
}
