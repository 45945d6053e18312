namespace Lemegeton.Actors;

/// <summary>A bounded mailbox with <see cref="MailboxOverflowPolicy.Reject"/> refused a message.</summary>
public sealed class MailboxFullException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public MailboxFullException(IActorRef recipient, int capacity)
        : base($"Mailbox of {recipient.Path} is full (capacity {capacity}); the message was rejected") => Recipient = recipient;
    /// <summary>The actor whose mailbox was full.</summary>
    public IActorRef Recipient { get; }
}
