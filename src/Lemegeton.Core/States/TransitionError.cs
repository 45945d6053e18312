namespace Lemegeton.Core.States;

/// <summary>Why a transition was refused.</summary>
public enum TransitionError
{
    /// <summary>The move is not in the transition table.</summary>
    NotAllowed,
    /// <summary>Only QC (or an operator with an override and reason) may approve or break a completed PR.</summary>
    RequiresQc,
    /// <summary>A PR becomes ready only when every dependency is completed or approved.</summary>
    DependenciesNotDone,
    /// <summary>The PR is not in the task list given as context.</summary>
    UnknownPr,
}
