using Lemegeton.Protocol.Coordination;

namespace Lemegeton.Protocol.Session;

/// <summary>
/// Hub → agent, the answer to <see cref="RegisterAgent"/>. Its Akka sender is the agent's session actor
/// in the hub: the agent sends every later message of the session there, and watches it to notice the
/// session's end.
/// </summary>
/// <param name="Re">The register request's correlation id.</param>
/// <param name="SessionId">Identifies the session; give it as <see cref="RegisterAgent.ResumeSessionId"/> to resume.</param>
/// <param name="HubId">Identifies the hub instance.</param>
/// <param name="HeartbeatIntervalMs">How often the agent sends <see cref="Heartbeat"/>.</param>
/// <param name="HeartbeatTimeoutMs">Silence after which the hub ends the session and reclaims its work.</param>
/// <param name="Mode">The hub's coordination mode now.</param>
/// <param name="Protocol">The protocol version the hub speaks.</param>
public sealed record Welcome(
    string Re,
    string SessionId,
    string HubId,
    int HeartbeatIntervalMs,
    int HeartbeatTimeoutMs,
    CoordinationMode Mode,
    int Protocol = ProtocolVersion.Current) : IHubMessage, IProtocolReply;
