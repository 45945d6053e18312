namespace Lemegeton.Protocol.Queries;

/// <summary>
/// Hub → agent (Lemegeton addition): the answer to an <see cref="ExplainPrRequest"/> — the PR's states
/// and every reason it is not running now, most fundamental first (the same explanation as
/// <c>lemegeton prs why</c>).
/// </summary>
/// <param name="Re">The request's correlation id.</param>
/// <param name="PrId">The PR explained.</param>
/// <param name="ColdState">Its durable state (wire name, e.g. <c>ready</c>).</param>
/// <param name="HotState">Its hot state while someone works on it (wire name, e.g. <c>in-progress</c>), else null.</param>
/// <param name="AgentId">The agent working on it, else null.</param>
/// <param name="Running">True when it is being worked on (the only reason is then <c>running</c>).</param>
/// <param name="Reasons">At least one reason.</param>
public sealed record PrExplained(
    string Re,
    string PrId,
    string ColdState,
    string? HotState,
    string? AgentId,
    bool Running,
    IReadOnlyList<ExplainedReason> Reasons) : IHubMessage, IProtocolReply;
