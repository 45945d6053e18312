namespace Lemegeton.Hub.Actors;

/// <summary>Lease manager → coordinator when it (re)starts: say which sessions hold leases.</summary>
public sealed record LeaseManagerStarted
{
    public static LeaseManagerStarted Instance { get; } = new();
}
