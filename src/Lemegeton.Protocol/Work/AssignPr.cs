namespace Lemegeton.Protocol.Work;

/// <summary>
/// Hub → agent: work on a PR. The hub has already leased <paramref name="Files"/> for the agent under
/// <paramref name="FencingToken"/>. The agent answers <see cref="Session.Ack"/>, or a
/// <see cref="Errors.ProtocolError"/> (<c>at-capacity</c>, <c>shutting-down</c>) to refuse it.
/// </summary>
/// <param name="CorrelationId">Echoed as <c>re</c> in the agent's answer.</param>
/// <param name="PrId">The PR, e.g. <c>PR-012</c>.</param>
/// <param name="Title">The PR's title from the task list.</param>
/// <param name="Kind">What to do with it.</param>
/// <param name="Files">Repository-relative paths leased for the work (its files plus paired test files).</param>
/// <param name="FencingToken">Carried back in <see cref="CompletePr"/> / <see cref="FailPr"/>; a stale token is refused.</param>
/// <param name="Branch">The branch to commit on when the hub is degraded (<c>agent-{agent}-{pr}</c>), else null: commit on the working branch.</param>
/// <param name="Body">The PR's Markdown body from the task list.</param>
public sealed record AssignPr(
    string CorrelationId,
    string PrId,
    string Title,
    WorkKind Kind,
    IReadOnlyList<string> Files,
    long FencingToken,
    string? Branch,
    string Body) : IHubMessage, IProtocolRequest;
