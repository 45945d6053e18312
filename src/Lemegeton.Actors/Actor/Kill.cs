namespace Lemegeton.Actors;

/// <summary>Makes the receiving actor fail with <see cref="ActorKilledException"/> (default decider: stop).</summary>
public sealed class Kill
{
    /// <summary>The single instance.</summary>
    public static readonly Kill Instance = new();
    private Kill() { }
    /// <inheritdoc />
    public override string ToString() => "<Kill>";
}
