namespace Lemegeton.Actors;

/// <summary>A message that could not be delivered: its recipient was stopped, or its mailbox was full.</summary>
/// <param name="Message">The undelivered message.</param>
/// <param name="Sender">The sender, or null.</param>
/// <param name="Recipient">The intended recipient.</param>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient);
