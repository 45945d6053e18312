namespace Lemegeton.Actors;

/// <summary>A user message with its sender, stored by value in the mailbox so a tell allocates nothing.</summary>
internal readonly struct Envelope(object message, IActorRef? sender)
{
    public readonly object Message = message;
    public readonly IActorRef? Sender = sender;
}
