namespace Lemegeton.Actors;

/// <summary>An actor received <see cref="Terminated"/> for a watched actor and did not handle it.</summary>
public sealed class DeathPactException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public DeathPactException(IActorRef dead) : base($"Monitored actor {dead.Path} terminated and the Terminated message was not handled") => DeadActor = dead;
    /// <summary>The watched actor that stopped.</summary>
    public IActorRef DeadActor { get; }
}
