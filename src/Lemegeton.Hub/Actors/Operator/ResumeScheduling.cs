namespace Lemegeton.Hub.Actors.Operator;

/// <summary>Assign work again after <see cref="PauseScheduling"/>.</summary>
public sealed record ResumeScheduling(string By) : IOperatorCommand;
