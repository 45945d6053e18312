namespace Lemegeton.Hub.Actors;

/// <summary>A cluster member in <c>GET /v1/cluster</c>.</summary>
public sealed record ClusterMemberView(string Address, IReadOnlyList<string> Roles, string Status, bool Reachable, bool IsSelf, bool IsLeader, bool HoldsCoordinator);
