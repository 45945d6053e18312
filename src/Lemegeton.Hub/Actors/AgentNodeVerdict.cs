using Akka.Actor;

namespace Lemegeton.Hub.Actors;

/// <summary>
/// Published on the hub's event stream by the coordinator for every registration it checks: whether an
/// agent on node <paramref name="Node"/> proved the cluster secret. <see cref="AgentNodeGatekeeper"/> acts on it.
/// </summary>
/// <param name="Node">The agent's node (its actor's address).</param>
/// <param name="Proven">True when the registration carried a valid proof (or no secret is required).</param>
/// <param name="Detail">The agent id, or why the proof was refused.</param>
public sealed record AgentNodeVerdict(Address Node, bool Proven, string Detail);
