namespace Lemegeton.Actors;

/// <summary>Delivered to an actor that set a receive timeout and received nothing for that long.</summary>
public sealed class ReceiveTimeout : INotInfluenceReceiveTimeout
{
    /// <summary>The single instance.</summary>
    public static readonly ReceiveTimeout Instance = new();
    private ReceiveTimeout() { }
    /// <inheritdoc />
    public override string ToString() => "<ReceiveTimeout>";
}
