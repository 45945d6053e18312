using Lemegeton.Protocol.Leases;

namespace Lemegeton.Agent.LocalSocket;

/// <summary>The answer to a <see cref="LocalRequest"/> (one JSON object per line).</summary>
/// <param name="Ok">The operation succeeded.</param>
/// <param name="Error">Why not, in a sentence that says what to do.</param>
/// <param name="Code">A machine-readable reason: a protocol error code, or <c>lease-conflict</c>, <c>no-assignment</c>, <c>not-connected</c>, <c>bad-request</c>.</param>
/// <param name="Conflicts">lease.acquire refused: who holds what.</param>
/// <param name="Files">lease.acquire: the files granted (paired tests included).</param>
/// <param name="FencingToken">lease.acquire: the grant's fencing token.</param>
/// <param name="Pr">pr: the current assignment.</param>
/// <param name="Agent">status: the agent.</param>
/// <param name="Text">why-waiting: the hub's explanation.</param>
public sealed record LocalReply(
    bool Ok,
    string? Error = null,
    string? Code = null,
    IReadOnlyList<LeaseConflict>? Conflicts = null,
    IReadOnlyList<string>? Files = null,
    long? FencingToken = null,
    LocalPrInfo? Pr = null,
    LocalAgentInfo? Agent = null,
    string? Text = null)
{
    public static LocalReply Success { get; } = new(true);

    public static LocalReply Failure(string code, string error) => new(false, error, code);
}
