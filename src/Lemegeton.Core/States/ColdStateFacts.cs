namespace Lemegeton.Core.States;

/// <summary>Facts about cold states that the guards, cascades and scheduler share.</summary>
public static class ColdStateFacts
{
    /// <summary>Completed or approved: a dependency in this state is satisfied (approval is not waited for).</summary>
    public static bool IsDone(this ColdState state) => state is ColdState.Completed or ColdState.Approved;
}
