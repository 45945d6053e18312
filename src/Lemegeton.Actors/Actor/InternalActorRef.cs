namespace Lemegeton.Actors;

/// <summary>Kernel-side view of a reference: it can also receive system messages.</summary>
internal abstract class InternalActorRef : IActorRef
{
    public abstract ActorPath Path { get; }

    public abstract void Tell(object message, IActorRef? sender);

    public abstract void SendSystemMessage(SystemMessage message);

    public abstract bool IsTerminated { get; }

    public override string ToString() => $"[{Path}]";
}
