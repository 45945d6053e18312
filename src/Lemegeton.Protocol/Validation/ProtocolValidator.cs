using AgentTypes = Lemegeton.Core.Scheduling.AgentTypes;
using Lemegeton.Protocol.Coordination;
using Lemegeton.Protocol.Errors;
using Lemegeton.Protocol.Leases;
using Lemegeton.Protocol.Queries;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Work;

namespace Lemegeton.Protocol.Validation;

/// <summary>
/// Checks a received message's fields and answers the <see cref="ProtocolError"/> to send back, or null
/// when the message is well-formed. Pure and total: it never throws, whatever the message holds (the
/// serializer lets nulls through so that a missing field is answered here, not dropped). Lease paths get
/// only the structural checks; the hub applies Lemegeton.Core's <c>LeasePaths</c> rules on top.
/// </summary>
public static class ProtocolValidator
{
    /// <summary>Validates a message the hub received from an agent: anything but an agent → hub message is <c>unknown-type</c>.</summary>
    public static ProtocolError? ValidateFromAgent(object? message) =>
        message is IAgentMessage ? Validate(message) : UnknownType(message, "the hub");

    /// <summary>Validates a message an agent received from the hub: anything but a hub → agent message is <c>unknown-type</c>.</summary>
    public static ProtocolError? ValidateFromHub(object? message) =>
        message is IHubMessage ? Validate(message) : UnknownType(message, "an agent");

    /// <summary>Validates any protocol message, whatever its direction.</summary>
    public static ProtocolError? Validate(object? message) => message switch
    {
        RegisterAgent m => RegisterAgent(m),
        Welcome m => Welcome(m),
        Heartbeat m => Heartbeat(m),
        Bye m => Check(m, null).Text("reason", m.Reason, optional: true).Error,
        Ack m => Check(m, null).Id("re", m.Re).Error,
        AssignPr m => AssignPr(m),
        ProgressReport m => Check(m, null).Id("prId", m.PrId).Range("percent", m.Percent, 0, 100).Text("message", m.Message, optional: true).Error,
        CompletePr m => Check(m, m.CorrelationId).Id("correlationId", m.CorrelationId).Id("prId", m.PrId)
            .FencingToken(m.FencingToken).Commit(m.Commit).Text("summary", m.Summary, optional: true).Error,
        FailPr m => Check(m, m.CorrelationId).Id("correlationId", m.CorrelationId).Id("prId", m.PrId)
            .FencingToken(m.FencingToken).OneOf("category", m.Category, FailureCategories.All).Text("error", m.Error).Error,
        RevokePr m => Check(m, null).Id("prId", m.PrId).Text("reason", m.Reason).Error,
        AcquireLeases m => Check(m, m.CorrelationId).Id("correlationId", m.CorrelationId).Id("prId", m.PrId).Files("files", m.Files, allowEmpty: false).Error,
        LeasesGranted m => Check(m, null).Id("re", m.Re).Files("files", m.Files, allowEmpty: false).FencingToken(m.FencingToken)
            .Range("ttlMs", m.TtlMs, 1, long.MaxValue).Error,
        LeasesDenied m => LeasesDenied(m),
        ReleaseLeases m => Check(m, m.CorrelationId).Id("correlationId", m.CorrelationId).Files("files", m.Files, allowEmpty: true, optional: true).Error,
        ModeAnnouncement m => Check(m, null).Defined("mode", m.Mode).Defined("action", m.Action).Error,
        Shutdown m => Check(m, null).Range("graceMs", m.GraceMs, 0, int.MaxValue).Error,
        ExplainPrRequest m => Check(m, m.CorrelationId).Id("correlationId", m.CorrelationId).Id("prId", m.PrId).Error,
        PrExplained m => PrExplained(m),
        ProtocolError m => Check(m, null).Id("code", m.Code).Text("message", m.Message).Id("re", m.Re, optional: true).Error,
        _ => UnknownType(message, "this peer"),
    };

    private static ProtocolError? RegisterAgent(RegisterAgent m)
    {
        var check = Check(m, m.CorrelationId).WithCode(ErrorCodes.InvalidHello).Id("correlationId", m.CorrelationId);
        if (check.Error is not null) return check.Error;
        if (m.Protocol != ProtocolVersion.Current)
            return new ProtocolError(ErrorCodes.ProtocolUnsupported,
                $"RegisterAgent.protocol is {m.Protocol}; this hub speaks protocol {ProtocolVersion.Current}. Use a Lemegeton agent of the hub's version.", m.CorrelationId);
        return check
            .Id("agentId", m.AgentId)
            .OneOf("agentType", m.AgentType, AgentTypes.All)
            .OneOf("model", m.Model, AgentModels.All)
            .Range("maxComplexity", m.MaxComplexity, ProtocolLimits.MinComplexity, ProtocolLimits.MaxComplexity)
            .Range("capacity", m.Capacity, 1, ProtocolLimits.MaxCapacity)
            .Id("resumeSessionId", m.ResumeSessionId, optional: true)
            .Id("proof.nonce", m.Proof?.Nonce, optional: m.Proof is null)
            .Id("proof.mac", m.Proof?.Mac, optional: m.Proof is null)
            .Range("proof.timestampMs", m.Proof?.TimestampMs ?? 1, 1, long.MaxValue)
            .Error;
    }

    private static ProtocolError? Welcome(Welcome m)
    {
        var check = Check(m, null).Id("re", m.Re).Id("sessionId", m.SessionId).Id("hubId", m.HubId)
            .Range("heartbeatIntervalMs", m.HeartbeatIntervalMs, 1, int.MaxValue)
            .Range("heartbeatTimeoutMs", m.HeartbeatTimeoutMs, 1, int.MaxValue)
            .Defined("mode", m.Mode);
        if (check.Error is null && m.HeartbeatTimeoutMs <= m.HeartbeatIntervalMs)
            return check.Fail("heartbeatTimeoutMs", $"({m.HeartbeatTimeoutMs}) must be longer than heartbeatIntervalMs ({m.HeartbeatIntervalMs})");
        return check.Error;
    }

    private static ProtocolError? Heartbeat(Heartbeat m)
    {
        var check = Check(m, null).Range("seq", m.Seq, 0, long.MaxValue).OneOf("state", m.State, HeartbeatStates.All);
        if (check.Error is not null) return check.Error;
        var prIds = m.PrIds ?? [];
        if (prIds.Count > ProtocolLimits.MaxCapacity)
            return check.Fail("prIds", $"names {prIds.Count} PRs; at most {ProtocolLimits.MaxCapacity} are allowed");
        for (var i = 0; i < prIds.Count; i++)
            check = check.Id($"prIds[{i}]", prIds[i]);
        if (check.Error is not null) return check.Error;
        if (m.State == HeartbeatStates.Idle && prIds.Count > 0)
            return check.Fail("prIds", "must be empty when state is 'idle'");
        if (m.State == HeartbeatStates.Working && prIds.Count == 0)
            return check.Fail("prIds", "must name the PRs worked on when state is 'working'");
        return null;
    }

    private static ProtocolError? AssignPr(AssignPr m) =>
        Check(m, m.CorrelationId).Id("correlationId", m.CorrelationId).Id("prId", m.PrId).Text("title", m.Title)
            .Defined("kind", m.Kind).Files("files", m.Files, allowEmpty: true).FencingToken(m.FencingToken)
            .Branch(m.Branch).Text("body", m.Body, maxLength: ProtocolLimits.MaxBodyLength, allowEmpty: true).Error;

    private static ProtocolError? LeasesDenied(LeasesDenied m)
    {
        var check = Check(m, null).Id("re", m.Re);
        if (check.Error is not null) return check.Error;
        if (m.Conflicts is null || m.Conflicts.Count == 0)
            return check.Fail("conflicts", "must name at least one conflict");
        if (m.Conflicts.Count > ProtocolLimits.MaxFiles)
            return check.Fail("conflicts", $"names {m.Conflicts.Count} conflicts; at most {ProtocolLimits.MaxFiles} are allowed");
        for (var i = 0; i < m.Conflicts.Count; i++)
        {
            var conflict = m.Conflicts[i];
            if (conflict is null) return check.Fail($"conflicts[{i}]", "is null");
            check = check.Path($"conflicts[{i}].file", conflict.File).Id($"conflicts[{i}].agentId", conflict.AgentId).Id($"conflicts[{i}].prId", conflict.PrId);
        }
        return check.Error;
    }

    private static ProtocolError? PrExplained(PrExplained m)
    {
        var check = Check(m, null).Id("re", m.Re).Id("prId", m.PrId).Id("coldState", m.ColdState)
            .Id("hotState", m.HotState, optional: true).Id("agentId", m.AgentId, optional: true);
        if (check.Error is not null) return check.Error;
        if (m.Reasons is null || m.Reasons.Count == 0)
            return check.Fail("reasons", "must name at least one reason");
        if (m.Reasons.Count > ProtocolLimits.MaxReasons)
            return check.Fail("reasons", $"names {m.Reasons.Count} reasons; at most {ProtocolLimits.MaxReasons} are allowed");
        for (var i = 0; i < m.Reasons.Count && check.Error is null; i++)
        {
            var reason = m.Reasons[i];
            if (reason is null) return check.Fail($"reasons[{i}]", "is null");
            check = check.Id($"reasons[{i}].code", reason.Code).Text($"reasons[{i}].text", reason.Text)
                .Id($"reasons[{i}].prId", reason.PrId, optional: true).Id($"reasons[{i}].state", reason.State, optional: true)
                .Id($"reasons[{i}].agentId", reason.AgentId, optional: true);
            if (reason.Path is not null) check = check.Path($"reasons[{i}].path", reason.Path);
            if (reason.HeldPath is not null) check = check.Path($"reasons[{i}].heldPath", reason.HeldPath);
        }
        return check.Error;
    }

    private static ProtocolError UnknownType(object? message, string receiver) => message switch
    {
        null => new ProtocolError(ErrorCodes.UnknownType, "The message is empty (null)."),
        _ => new ProtocolError(ErrorCodes.UnknownType,
            $"{message.GetType().Name} is not a message {receiver} accepts in protocol v{ProtocolVersion.Current}.",
            message is IProtocolRequest request && FieldCheck.IdProblem(request.CorrelationId, ProtocolLimits.MaxIdLength) is null ? request.CorrelationId : null),
    };

    private static FieldCheck Check(object message, string? correlationId) =>
        new(message.GetType().Name, FieldCheck.IdProblem(correlationId, ProtocolLimits.MaxIdLength) is null ? correlationId : null, ErrorCodes.InvalidMessage, null);
}
