namespace Lemegeton.Actors;

/// <summary>The requested actor name is malformed or already taken by a live sibling.</summary>
public sealed class InvalidActorNameException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public InvalidActorNameException(string message) : base(message) { }
}
