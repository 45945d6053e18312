namespace Lemegeton.Hub.Actors.Operator;

/// <summary>Move a PR to a cold state by hand (validated by the state machine, committed to git like any cold transition).</summary>
public sealed record TransitionPr(string PrId, string ToState, string Reason, string By) : IOperatorCommand;
