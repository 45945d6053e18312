using Lemegeton.Core.States;

namespace Lemegeton.Core.Scheduling;

/// <summary>A PR to start now: on which agent, with which model tier, doing which kind of work.</summary>
public sealed record Assignment(
    string PrId,
    string AgentId,
    string AgentType,
    ModelTier Model,
    WorkKind Work,
    int Complexity,
    int EstimatedMinutes);
