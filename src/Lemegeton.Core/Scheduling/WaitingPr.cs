namespace Lemegeton.Core.Scheduling;

/// <summary>A PR that does not start in this decision, and why.</summary>
public readonly record struct WaitingPr(string PrId, WaitReason Reason);
