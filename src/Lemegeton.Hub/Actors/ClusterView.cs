namespace Lemegeton.Hub.Actors;

/// <summary><c>GET /v1/cluster</c>: this node, the leader, the node holding the coordinator singleton (the oldest Up member with role hub), and every member.</summary>
public sealed record ClusterView(string SelfAddress, string? Leader, string? CoordinatorNode, IReadOnlyList<ClusterMemberView> Members);
