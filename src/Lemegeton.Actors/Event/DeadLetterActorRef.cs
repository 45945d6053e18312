namespace Lemegeton.Actors;

/// <summary>The <c>/deadLetters</c> reference: everything told to it is published as a <see cref="DeadLetter"/>.</summary>
internal sealed class DeadLetterActorRef(ActorSystem system, ActorPath path) : InternalActorRef
{
    public override ActorPath Path => path;

    public override bool IsTerminated => false;

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is DeadLetter d) system.PublishDeadLetter(d.Message, d.Sender, d.Recipient);
        else system.PublishDeadLetter(message, sender, this);
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        // Watching dead letters is watching something that never lives.
        if (message is Watch w) w.Watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: false));
    }
}
