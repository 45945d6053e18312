namespace Lemegeton.Protocol.Session;

/// <summary>
/// Part of <see cref="RegisterAgent"/>: proves that the agent holds the hub's cluster secret without
/// sending it. <c>mac</c> is HMAC-SHA256 of the secret over
/// <c>lemegeton-register-v1\n{agentId}\n{timestampMs}\n{nonce}</c>, as 64 lower-case hex digits
/// (see <see cref="Security.ClusterSecret.Prove"/>). The hub refuses a proof whose time is more than
/// a few minutes off its clock or whose nonce it has already seen, so a captured proof cannot be replayed.
/// </summary>
/// <param name="TimestampMs">When the proof was made, Unix milliseconds.</param>
/// <param name="Nonce">A random id, used once.</param>
/// <param name="Mac">The HMAC, hex.</param>
public sealed record AgentProof(long TimestampMs, string Nonce, string Mac);
