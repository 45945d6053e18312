namespace Lemegeton.Hub.Actors;

/// <summary>Coordinator → itself: run the scheduler once (coalesces every change since the last run).</summary>
public sealed record RunScheduler
{
    public static RunScheduler Instance { get; } = new();
}
