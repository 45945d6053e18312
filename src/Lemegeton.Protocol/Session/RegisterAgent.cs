namespace Lemegeton.Protocol.Session;

/// <summary>
/// Agent → hub, first message of a session. Answered by <see cref="Welcome"/> or by a
/// <see cref="Errors.ProtocolError"/> (<c>agent-id-in-use</c>, <c>protocol-unsupported</c>, <c>invalid-hello</c>).
/// The agent's actor reference travels as the Akka sender, so it is not a field.
/// </summary>
/// <param name="CorrelationId">Echoed as <c>re</c> in the answer.</param>
/// <param name="Protocol">The protocol version the agent speaks (<see cref="ProtocolVersion.Current"/>).</param>
/// <param name="AgentId">Unique name of the agent, e.g. <c>worker-1</c>.</param>
/// <param name="AgentType">One of <see cref="Lemegeton.Core.Scheduling.AgentTypes"/>.</param>
/// <param name="Model">One of <see cref="AgentModels"/>.</param>
/// <param name="MaxComplexity">The highest PR complexity (1–10) the agent takes.</param>
/// <param name="Capacity">How many PRs the agent works on at once (at least 1).</param>
/// <param name="ResumeSessionId">A session id from an earlier <see cref="Welcome"/>, to take that session back after a reconnect.</param>
/// <param name="Proof">
/// Proof that the agent holds the hub's cluster secret (<see cref="Security.ClusterSecret"/>); a hub that
/// checks secrets answers <c>unauthorized</c> without it. Optional in the message (additive to v1).
/// </param>
public sealed record RegisterAgent(
    string CorrelationId,
    int Protocol,
    string AgentId,
    string AgentType,
    string Model,
    int MaxComplexity,
    int Capacity = 1,
    string? ResumeSessionId = null,
    AgentProof? Proof = null) : IAgentMessage, IProtocolRequest;
