namespace Lemegeton.Actors;

/// <summary>An actor's constructor, <c>PreStart</c> or <c>PostRestart</c> threw. The default decider stops the actor.</summary>
public sealed class ActorInitializationException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public ActorInitializationException(IActorRef actor, string message, Exception? cause) : base(message, cause) => Actor = actor;
    /// <summary>The actor that failed to start.</summary>
    public IActorRef Actor { get; }
}
