namespace Lemegeton.Core.Scheduling;

/// <summary>Why a PR is (not) running now: its states and every reason found, most fundamental first.</summary>
/// <param name="PrId">The PR.</param>
/// <param name="ColdState">Its durable state (wire name).</param>
/// <param name="HotState">Its hot state while someone works on it (wire name), else null.</param>
/// <param name="AgentId">Who works on it, else null.</param>
/// <param name="Running">True when it is being worked on (the only reason is then <c>running</c>).</param>
/// <param name="Reasons">The reasons; never empty.</param>
public sealed record PrExplanation(
    string PrId,
    string ColdState,
    string? HotState,
    string? AgentId,
    bool Running,
    IReadOnlyList<WhyReason> Reasons);
