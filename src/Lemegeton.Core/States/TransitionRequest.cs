namespace Lemegeton.Core.States;

/// <summary>A request to move one PR to <see cref="Target"/>.</summary>
public sealed record TransitionRequest
{
    public required string PrId { get; init; }
    /// <summary>The PR's durable state.</summary>
    public required ColdState CurrentCold { get; init; }
    /// <summary>The PR's transient state when someone is working on it; it is then the source of the move.</summary>
    public HotState? CurrentHot { get; init; }
    public required PrState Target { get; init; }
    public TransitionActor Actor { get; init; } = TransitionActor.Agent;
    /// <summary>The requesting agent's type (<c>worker</c>, <c>qc</c>, …) when <see cref="Actor"/> is an agent.</summary>
    public string? AgentType { get; init; }
    public string? AgentId { get; init; }
    public string? Reason { get; init; }
    /// <summary>An operator's explicit override of the QC guard; needs a <see cref="Reason"/>.</summary>
    public bool Override { get; init; }

    /// <summary>The state the move starts from: the hot state when there is one, else the cold state.</summary>
    public PrState Source => CurrentHot is { } hot ? hot : CurrentCold;
}
