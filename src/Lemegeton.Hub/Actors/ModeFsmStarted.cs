namespace Lemegeton.Hub.Actors;

/// <summary>Mode FSM → coordinator when it (re)starts: answer with <see cref="AssumeMode"/>.</summary>
public sealed record ModeFsmStarted
{
    public static ModeFsmStarted Instance { get; } = new();
}
