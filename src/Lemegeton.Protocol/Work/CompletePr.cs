namespace Lemegeton.Protocol.Work;

/// <summary>
/// Agent → hub: the work on a PR is done. Answered by <see cref="Session.Ack"/> or a
/// <see cref="Errors.ProtocolError"/> (<c>stale-fencing-token</c>, <c>not-assigned</c>).
/// </summary>
/// <param name="CorrelationId">Echoed as <c>re</c> in the answer.</param>
/// <param name="PrId">The PR.</param>
/// <param name="FencingToken">The token of the assignment; refused when a newer grant exists.</param>
/// <param name="Commit">The commit that holds the work (hex SHA), or null when nothing was committed.</param>
/// <param name="Summary">What was done, for the task list and dashboard.</param>
public sealed record CompletePr(
    string CorrelationId,
    string PrId,
    long FencingToken,
    string? Commit = null,
    string? Summary = null) : IAgentMessage, IProtocolRequest;
