namespace Lemegeton.Actors;

/// <summary>A message reached an actor that has no handler for it (published as a warning, not thrown).</summary>
/// <param name="Message">The message.</param>
/// <param name="Sender">Its sender.</param>
/// <param name="Recipient">The actor that did not handle it.</param>
public sealed record UnhandledMessage(object Message, IActorRef? Sender, IActorRef Recipient);
