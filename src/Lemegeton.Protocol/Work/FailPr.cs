namespace Lemegeton.Protocol.Work;

/// <summary>
/// Agent → hub: the work on a PR failed. Answered by <see cref="Session.Ack"/> or a
/// <see cref="Errors.ProtocolError"/> (<c>stale-fencing-token</c>, <c>not-assigned</c>).
/// </summary>
/// <param name="CorrelationId">Echoed as <c>re</c> in the answer.</param>
/// <param name="PrId">The PR.</param>
/// <param name="FencingToken">The token of the assignment.</param>
/// <param name="Category">One of <see cref="FailureCategories"/>.</param>
/// <param name="Error">What went wrong, human-readable.</param>
public sealed record FailPr(
    string CorrelationId,
    string PrId,
    long FencingToken,
    string Category,
    string Error) : IAgentMessage, IProtocolRequest;
