using Microsoft.Extensions.Logging;

namespace Lemegeton.Actors;

/// <summary>The handler signature of untyped behaviours: returns false when the message is not handled.</summary>
public delegate bool Receive(object message);

/// <summary>
/// What an actor knows about itself while it processes a message: its reference, the current sender,
/// its parent and children, and the operations that change its place in the tree. Only valid on the
/// actor's own thread of control (inside its handlers and lifecycle hooks).
/// </summary>
public interface IActorContext
{
    /// <summary>This actor's reference.</summary>
    IActorRef Self { get; }

    /// <summary>Sender of the message being processed; the dead-letter reference when there is none.</summary>
    IActorRef Sender { get; }

    /// <summary>The supervising parent.</summary>
    IActorRef Parent { get; }

    /// <summary>The live children (a snapshot).</summary>
    IEnumerable<IActorRef> Children { get; }

    /// <summary>The props this actor was created from.</summary>
    Props Props { get; }

    /// <summary>The actor system.</summary>
    ActorSystem System { get; }

    /// <summary>The receive timeout currently set, or null.</summary>
    TimeSpan? ReceiveTimeout { get; }

    /// <summary>The child with the given name, or <see cref="ActorRefs.Nobody"/>.</summary>
    IActorRef Child(string name);

    /// <summary>Creates a child. Names must be unique among live children and must not start with '$'.</summary>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Stops a child or this actor (asynchronously); the mailbox's remaining messages go to dead letters.</summary>
    void Stop(IActorRef child);

    /// <summary>Subscribes to the termination of <paramref name="subject"/>; one <see cref="Terminated"/> will arrive.</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Cancels a watch; no <see cref="Terminated"/> for the subject is delivered afterwards.</summary>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>Sets (or with null clears) the inactivity timeout after which <see cref="Actors.ReceiveTimeout"/> is delivered.</summary>
    void SetReceiveTimeout(TimeSpan? timeout);

    /// <summary>Replaces the current behaviour.</summary>
    void Become(Receive receive);

    /// <summary>Pushes a behaviour; <see cref="UnbecomeStacked"/> returns to the previous one.</summary>
    void BecomeStacked(Receive receive);

    /// <summary>Pops the behaviour pushed last.</summary>
    void UnbecomeStacked();

    /// <summary>Alias of <see cref="UnbecomeStacked"/> (Akka.NET's older name).</summary>
    void Unbecome();

    /// <summary>A logger whose category is the actor's type.</summary>
    ILogger GetLogger();
}
