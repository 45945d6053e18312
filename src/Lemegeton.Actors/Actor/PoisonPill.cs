namespace Lemegeton.Actors;

/// <summary>Stops the receiving actor after the messages queued before it have been processed.</summary>
public sealed class PoisonPill
{
    /// <summary>The single instance.</summary>
    public static readonly PoisonPill Instance = new();
    private PoisonPill() { }
    /// <inheritdoc />
    public override string ToString() => "<PoisonPill>";
}
