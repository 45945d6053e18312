using Lemegeton.Protocol.Errors;
using Lemegeton.Protocol.Session;

namespace Lemegeton.Protocol.Security;

/// <summary>
/// The hub's check of <see cref="RegisterAgent.Proof"/>: the HMAC matches the cluster secret, the proof
/// was made within <see cref="MaxClockSkew"/> of the hub's clock, and its nonce was not used before (nonces
/// are remembered for twice the skew, after which their timestamp alone refuses them). Not thread-safe:
/// one instance per actor.
/// </summary>
public sealed class RegistrationVerifier
{
    private readonly ClusterSecret _secret;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);

    public RegistrationVerifier(ClusterSecret secret, TimeProvider? time = null)
    {
        _secret = secret ?? throw new ArgumentNullException(nameof(secret));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How far a proof's timestamp may be from the hub's clock. Default 5 minutes.</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Null when the registration is proven; otherwise the <c>unauthorized</c> error to send back.</summary>
    public ProtocolError? Check(RegisterAgent register)
    {
        ArgumentNullException.ThrowIfNull(register);
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        if (register.Proof is not { } proof)
            return Refuse(register, "RegisterAgent.proof is missing: this hub requires the cluster secret (.lemegeton/cluster.secret); start the agent with --secret or copy the hub's secret file to the agent's repository.");
        var skew = (long)MaxClockSkew.TotalMilliseconds;
        if (Math.Abs(now - proof.TimestampMs) > skew)
            return Refuse(register, $"RegisterAgent.proof.timestampMs is {Math.Abs(now - proof.TimestampMs) / 1000} s away from the hub's clock (at most {skew / 1000} s allowed); synchronise the clocks (NTP).");
        if (!_secret.MacMatches(register.AgentId, proof))
            return Refuse(register, "RegisterAgent.proof.mac does not match the hub's cluster secret; copy the hub's .lemegeton/cluster.secret to the agent.");
        Forget(now - 2 * skew);
        if (!_seen.TryAdd(proof.Nonce, proof.TimestampMs))
            return Refuse(register, "RegisterAgent.proof.nonce was already used; a proof is valid once (a replayed registration?).");
        return null;
    }

    private void Forget(long before)
    {
        if (_seen.Count < 1024) return;
        foreach (var old in _seen.Where(s => s.Value < before).Select(s => s.Key).ToList()) _seen.Remove(old);
    }

    private static ProtocolError Refuse(RegisterAgent register, string message) =>
        new(ErrorCodes.Unauthorized, message, register.CorrelationId);
}
