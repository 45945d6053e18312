namespace Lemegeton.Protocol.Session;

/// <summary>
/// Agent → hub every <see cref="Welcome.HeartbeatIntervalMs"/>; no answer. Also renews the agent's leases.
/// </summary>
/// <param name="Seq">Increases by one per heartbeat of the session, starting at 0 or 1.</param>
/// <param name="State">One of <see cref="HeartbeatStates"/>.</param>
/// <param name="PrIds">The PRs the agent is working on (empty or absent when idle).</param>
public sealed record Heartbeat(
    long Seq,
    string State,
    IReadOnlyList<string>? PrIds = null) : IAgentMessage;
