namespace Lemegeton.Hub.Actors.Operator;

/// <summary>Take a PR back from its agent (revoked, leases released) and put it back in the queue at its cold state.</summary>
public sealed record RequeuePr(string PrId, string By) : IOperatorCommand;
