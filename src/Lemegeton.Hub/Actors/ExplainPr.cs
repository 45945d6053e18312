namespace Lemegeton.Hub.Actors;

/// <summary>Asks the coordinator why a PR is not running; answered with an <see cref="ExplainPrResult"/>.</summary>
public sealed record ExplainPr(string PrId);
