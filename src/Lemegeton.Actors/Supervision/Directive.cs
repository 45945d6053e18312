namespace Lemegeton.Actors;

/// <summary>What a supervisor does with a failed child.</summary>
public enum Directive
{
    /// <summary>Keep the instance and its state; continue with the next message.</summary>
    Resume,

    /// <summary>Replace the instance (state cleared, mailbox kept, the failing message not retried).</summary>
    Restart,

    /// <summary>Stop the child.</summary>
    Stop,

    /// <summary>Fail the supervisor itself with the same exception, handing the decision to its parent.</summary>
    Escalate,
}

/// <summary>What a guardian does when a top-level actor's failure is escalated to it.</summary>
public enum GuardianEscalationPolicy
{
    /// <summary>Log at Critical and stop the top-level actor whose failure escalated (default).</summary>
    StopChild,

    /// <summary>Log at Critical and terminate the actor system (its coordinated shutdown runs).</summary>
    TerminateSystem,
}
