namespace Lemegeton.Actors;

/// <summary>
/// Base of every actor. An instance is only ever called by one thread at a time, so its fields need
/// no locks. Create actors with <see cref="IActorContext.ActorOf"/> or <see cref="ActorSystem.ActorOf"/>,
/// never with <c>new</c> directly.
/// </summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;
    private SupervisorStrategy? _strategy;

    /// <summary>Binds the instance to the cell that is creating it.</summary>
    protected ActorBase()
    {
        _cell = ActorCell.Current ?? throw new InvalidOperationException(
            $"{GetType().Name} must be created by the actor system (Props + ActorOf), not with 'new'");
    }

    /// <summary>The context of the actor currently running on this thread.</summary>
    protected static IActorContext Context => ActorCell.Current ?? throw new InvalidOperationException("There is no actor context outside an actor's message processing");

    /// <summary>This actor's reference.</summary>
    protected IActorRef Self => _cell;

    /// <summary>The sender of the current message (dead letters when none).</summary>
    protected IActorRef Sender => _cell.Sender;

    internal ActorCell Cell => _cell;

    /// <summary>Handles one message; returns false when it does not handle it.</summary>
    protected internal abstract bool Receive(object message);

    /// <summary>Called before the first message, on the actor's thread; a throw stops the actor (default decider).</summary>
    protected virtual void PreStart() { }

    /// <summary>Called after the actor stopped; the place to release resources.</summary>
    protected virtual void PostStop() { }

    /// <summary>
    /// Called on the failed instance before a restart. The default stops all children and calls
    /// <see cref="PostStop"/>, as in Akka.NET.
    /// </summary>
    /// <param name="reason">The exception that caused the restart.</param>
    /// <param name="message">The message being processed when it failed, if any.</param>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in _cell.ChildrenSnapshot())
        {
            _cell.Unwatch(child);
            _cell.Stop(child);
        }
        PostStop();
    }

    /// <summary>Called on the fresh instance after a restart. The default calls <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>
    /// Called for messages no handler took. An unhandled <see cref="Terminated"/> fails the actor with
    /// <see cref="DeathPactException"/>; anything else is published as <see cref="UnhandledMessage"/> and logged.
    /// </summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated t) throw new DeathPactException(t.ActorRef);
        _cell.PublishUnhandled(message);
    }

    /// <summary>The strategy used to supervise this actor's children. Default: <see cref="Actors.SupervisorStrategy.DefaultStrategy"/>.</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.DefaultStrategy;

    internal SupervisorStrategy SupervisorStrategyInternal => _strategy ??= _cell.Props.SupervisorStrategy ?? SupervisorStrategy();

    internal void AroundPreStart() => PreStart();

    internal void AroundPostStop() => PostStop();

    internal void AroundPreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void AroundPostRestart(Exception reason) => PostRestart(reason);

    internal void InvokeUnhandled(object message) => Unhandled(message);
}
