namespace Lemegeton.Actors;

/// <summary>Marker for messages that must not reset the receive timeout (like Akka.NET's).</summary>
public interface INotInfluenceReceiveTimeout;

/// <summary>Stops the receiving actor after the messages queued before it have been processed.</summary>
public sealed class PoisonPill
{
    /// <summary>The single instance.</summary>
    public static readonly PoisonPill Instance = new();
    private PoisonPill() { }
    /// <inheritdoc />
    public override string ToString() => "<PoisonPill>";
}

/// <summary>Makes the receiving actor fail with <see cref="ActorKilledException"/> (default decider: stop).</summary>
public sealed class Kill
{
    /// <summary>The single instance.</summary>
    public static readonly Kill Instance = new();
    private Kill() { }
    /// <inheritdoc />
    public override string ToString() => "<Kill>";
}

/// <summary>Delivered to an actor that set a receive timeout and received nothing for that long.</summary>
public sealed class ReceiveTimeout : INotInfluenceReceiveTimeout
{
    /// <summary>The single instance.</summary>
    public static readonly ReceiveTimeout Instance = new();
    private ReceiveTimeout() { }
    /// <inheritdoc />
    public override string ToString() => "<ReceiveTimeout>";
}

/// <summary>
/// Delivered exactly once to a watcher when a watched actor has stopped, including when the actor
/// was already dead at the time of <c>Watch</c>.
/// </summary>
/// <param name="ActorRef">The actor that stopped.</param>
/// <param name="ExistenceConfirmed">False when the actor was already gone when the watch arrived.</param>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed) : INotInfluenceReceiveTimeout;

/// <summary>Reply wrappers for request/response protocols, as in Akka.NET.</summary>
public static class Status
{
    /// <summary>A successful reply carrying an optional value.</summary>
    public sealed record Success(object? Status);

    /// <summary>A failed reply; <c>Ask</c> turns it into a faulted task.</summary>
    public sealed record Failure(Exception Cause);
}

/// <summary>The unit value used by <see cref="CoordinatedShutdown"/> tasks (Akka.NET's <c>Done</c>).</summary>
public sealed class Done
{
    /// <summary>The single instance.</summary>
    public static readonly Done Instance = new();
    private Done() { }
}

/// <summary>A message that could not be delivered: its recipient was stopped, or its mailbox was full.</summary>
/// <param name="Message">The undelivered message.</param>
/// <param name="Sender">The sender, or null.</param>
/// <param name="Recipient">The intended recipient.</param>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient);
