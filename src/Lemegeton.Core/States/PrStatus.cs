namespace Lemegeton.Core.States;

/// <summary>What the state machine needs to know about one PR: its states and its dependencies.</summary>
public sealed record PrStatus(string Id, ColdState Cold, HotState? Hot, IReadOnlyList<string> Dependencies)
{
    /// <summary>Completed or approved: what a dependent waits for.</summary>
    public bool IsDone => Cold.IsDone();
}
