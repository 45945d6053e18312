namespace Lemegeton.Protocol.Leases;

/// <summary>One reason an <see cref="AcquireLeases"/> was denied: the file is held by another agent's PR.</summary>
/// <param name="File">The requested path that overlaps the held lease.</param>
/// <param name="AgentId">The agent holding it.</param>
/// <param name="PrId">The PR it is held for.</param>
public sealed record LeaseConflict(string File, string AgentId, string PrId);
