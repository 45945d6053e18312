namespace Lemegeton.Actors;

/// <summary>The unit value used by <see cref="CoordinatedShutdown"/> tasks (Akka.NET's <c>Done</c>).</summary>
public sealed class Done
{
    /// <summary>The single instance.</summary>
    public static readonly Done Instance = new();
    private Done() { }
}
