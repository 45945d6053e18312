namespace Lemegeton.Core.Scheduling;

/// <summary>Why a PR was not started, as a type a program can act on (the text is in <see cref="WaitReason.Text"/>).</summary>
public enum WaitKind
{
    /// <summary>A dependency is not completed or approved yet.</summary>
    DependencyPending,
    /// <summary>A dependency names a PR that is not in the task list, so it can never be met.</summary>
    DependencyUnknown,
    /// <summary>The PR is part of a dependency cycle.</summary>
    DependencyCycle,
    /// <summary>The PR is <c>blocked</c> although its dependencies are done; it must be moved to ready.</summary>
    Blocked,
    /// <summary>Its files overlap with a running PR, a live lease, or a PR started in this decision.</summary>
    FileConflict,
    /// <summary>The cap on parallel PRs is reached.</summary>
    ParallelLimit,
    /// <summary>No connected agent does this kind of work.</summary>
    NoAgentOfType,
    /// <summary>Agents that do this kind of work exist but none has a free slot.</summary>
    NoIdleAgent,
    /// <summary>Idle agents of the right type exist, but none may take this complexity.</summary>
    ComplexityTooHigh,
}
