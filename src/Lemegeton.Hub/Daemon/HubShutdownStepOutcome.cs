namespace Lemegeton.Hub.Daemon;

/// <summary>How one shutdown step ended.</summary>
public enum HubShutdownStepOutcome
{
    Completed,

    /// <summary>The step threw; the sequence went on.</summary>
    Failed,

    /// <summary>The step outlived its own timeout and was abandoned.</summary>
    TimedOut,

    /// <summary>The step was not started, or was abandoned, because the whole sequence ran out of time.</summary>
    Skipped,
}
