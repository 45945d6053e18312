namespace Lemegeton.Protocol.Queries;

/// <summary>
/// Agent → hub (Lemegeton addition): why is this PR not running? Answered by <see cref="PrExplained"/>,
/// or by a <see cref="Errors.ProtocolError"/> with <c>pr-not-found</c> when the hub's task list has no
/// such PR. Read-only: it changes nothing in the hub. Any PR may be asked about, not only the agent's own.
/// </summary>
/// <param name="CorrelationId">Echoed as <c>re</c> in the answer.</param>
/// <param name="PrId">The PR asked about, e.g. <c>PR-007</c>.</param>
public sealed record ExplainPrRequest(string CorrelationId, string PrId) : IAgentMessage, IProtocolRequest;
