namespace Lemegeton.Actors;

/// <summary>
/// An immutable, thread-safe handle to an actor. Messages sent with <see cref="Tell"/> are delivered
/// in order per sender–receiver pair. Two references are equal only if they denote the same
/// incarnation of an actor (a re-created actor with the same path is a different reference).
/// </summary>
public interface IActorRef : ICanTell
{
    /// <summary>The actor's location in the tree, e.g. <c>akka://hub/user/registry</c>.</summary>
    ActorPath Path { get; }
}

/// <summary>Anything a message can be sent to: an actor reference or a test probe.</summary>
public interface ICanTell
{
    /// <summary>Sends <paramref name="message"/> fire-and-forget; <paramref name="sender"/> becomes the receiver's <c>Sender</c>.</summary>
    void Tell(object message, IActorRef? sender);
}

/// <summary>Well-known special references.</summary>
public static class ActorRefs
{
    /// <summary>Use as the sender when there is none; the receiver's <c>Sender</c> is then the dead-letter reference.</summary>
    public static readonly IActorRef? NoSender = null;

    /// <summary>A reference that points at no actor; messages sent to it are dropped.</summary>
    public static readonly IActorRef Nobody = new NobodyRef();

    private sealed class NobodyRef : IActorRef
    {
        public ActorPath Path { get; } = ActorPath.CreateRoot("nobody").Child("nobody");
        public void Tell(object message, IActorRef? sender) { }
        public override string ToString() => "[Nobody]";
    }
}
