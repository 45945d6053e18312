using Lemegeton.Core.Scheduling;
using Lemegeton.Protocol.Errors;
using Lemegeton.Protocol.Queries;
using Lemegeton.Protocol.Validation;

namespace Lemegeton.Hub.Actors;

/// <summary>The coordinator's answers to an agent's read-only questions: why a PR waits (<see cref="ExplainPrRequest"/>).</summary>
public sealed partial class HubCoordinator
{
    /// <summary>
    /// Answers an agent's <see cref="ExplainPrRequest"/> through its session with <see cref="PrExplained"/>
    /// (the explanation <c>lemegeton prs why</c> shows), or <c>pr-not-found</c> when the task list has no such PR.
    /// Reads the state only; nothing is persisted.
    /// </summary>
    private void AnswerExplain(string sessionId, ExplainPrRequest request)
    {
        var explanation = CoordinatorExplanations.Explain(new PrScheduler(_index, _settings.Scheduler), _state, request.PrId).Explanation;
        Reply(sessionId, explanation is null
            ? new ProtocolError(ErrorCodes.PrNotFound,
                $"ExplainPrRequest.prId: the hub's task list has no PR '{request.PrId}'; ask about a PR id listed by 'lemegeton prs list'.", request.CorrelationId)
            : ToWire(request.CorrelationId, explanation));
    }

    /// <summary>
    /// The wire form of an explanation, kept within the validator's limits: at most
    /// <see cref="ProtocolLimits.MaxReasons"/> reasons, texts clipped, and an id or path the protocol would
    /// refuse (e.g. a malformed dependency id from the task list) left out — the reason's text still names it.
    /// </summary>
    internal static PrExplained ToWire(string correlationId, PrExplanation e) =>
        new(correlationId, e.PrId, e.ColdState, Id(e.HotState), Id(e.AgentId), e.Running,
            [.. e.Reasons.Take(ProtocolLimits.MaxReasons).Select(r => new ExplainedReason(r.Code, Clip(r.Text),
                Id(r.PrId), Id(r.State), WirePath(r.Path), WirePath(r.HeldPath), Id(r.AgentId)))]);

    private static string? Id(string? value) =>
        value is null || value.Length is 0 or > ProtocolLimits.MaxIdLength || value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) ? null : value;

    private static string? WirePath(string? path) =>
        path is null || path.Length is 0 or > ProtocolLimits.MaxPathLength || path.Any(char.IsControl) || string.IsNullOrWhiteSpace(path) ? null : path;

    private static string Clip(string text) =>
        text.Length <= ProtocolLimits.MaxTextLength ? text : text[..(ProtocolLimits.MaxTextLength - 1)] + "…";
}
