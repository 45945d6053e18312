namespace Lemegeton.Actors;

/// <summary>Base class of the kernel's exceptions.</summary>
public class AkkaException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AkkaException(string message, Exception? cause = null) : base(message, cause) { }
}

/// <summary>An actor's constructor, <c>PreStart</c> or <c>PostRestart</c> threw. The default decider stops the actor.</summary>
public sealed class ActorInitializationException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public ActorInitializationException(IActorRef actor, string message, Exception? cause) : base(message, cause) => Actor = actor;
    /// <summary>The actor that failed to start.</summary>
    public IActorRef Actor { get; }
}

/// <summary>Thrown inside an actor that received <see cref="Kill"/>.</summary>
public sealed class ActorKilledException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public ActorKilledException(string message) : base(message) { }
}

/// <summary>An actor received <see cref="Terminated"/> for a watched actor and did not handle it.</summary>
public sealed class DeathPactException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public DeathPactException(IActorRef dead) : base($"Monitored actor {dead.Path} terminated and the Terminated message was not handled") => DeadActor = dead;
    /// <summary>The watched actor that stopped.</summary>
    public IActorRef DeadActor { get; }
}

/// <summary>The requested actor name is malformed or already taken by a live sibling.</summary>
public sealed class InvalidActorNameException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public InvalidActorNameException(string message) : base(message) { }
}

/// <summary>An <c>Ask</c> got no reply within its timeout.</summary>
public sealed class AskTimeoutException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public AskTimeoutException(string message) : base(message) { }
}

/// <summary>A bounded mailbox with <see cref="MailboxOverflowPolicy.Reject"/> refused a message.</summary>
public sealed class MailboxFullException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public MailboxFullException(IActorRef recipient, int capacity)
        : base($"Mailbox of {recipient.Path} is full (capacity {capacity}); the message was rejected") => Recipient = recipient;
    /// <summary>The actor whose mailbox was full.</summary>
    public IActorRef Recipient { get; }
}

/// <summary>A message reached an actor that has no handler for it (published as a warning, not thrown).</summary>
/// <param name="Message">The message.</param>
/// <param name="Sender">Its sender.</param>
/// <param name="Recipient">The actor that did not handle it.</param>
public sealed record UnhandledMessage(object Message, IActorRef? Sender, IActorRef Recipient);
