namespace Lemegeton.Protocol.Session;

/// <summary>The values of <see cref="Heartbeat.State"/>.</summary>
public static class HeartbeatStates
{
    /// <summary>No PR in hand; <see cref="Heartbeat.PrIds"/> is empty or absent.</summary>
    public const string Idle = "idle";

    /// <summary>Working on the PRs named in <see cref="Heartbeat.PrIds"/>.</summary>
    public const string Working = "working";

    public static IReadOnlyList<string> All { get; } = [Idle, Working];
}
