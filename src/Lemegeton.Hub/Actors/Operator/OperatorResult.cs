namespace Lemegeton.Hub.Actors.Operator;

/// <summary>The coordinator's answer to an <see cref="IOperatorCommand"/>: done (and journaled) or refused, with words for a person.</summary>
/// <param name="Ok">True when the action took effect and its event is durable.</param>
/// <param name="Message">What happened, or why it was refused.</param>
/// <param name="NotFound">True when refused because the PR, agent or file named does not exist (CLI exit code 4).</param>
public sealed record OperatorResult(bool Ok, string Message, bool NotFound = false);
