namespace Lemegeton.Protocol.Errors;

/// <summary>
/// Either direction: a request or message was refused. The hub answers malformed or unexpected
/// messages with it instead of failing.
/// </summary>
/// <param name="Code">One of <see cref="ErrorCodes"/>.</param>
/// <param name="Message">What was wrong, naming the message type and field, and what to do.</param>
/// <param name="Re">The refused request's correlation id, or null when the refused message had none.</param>
public sealed record ProtocolError(string Code, string Message, string? Re = null) : IAgentMessage, IHubMessage, IProtocolReply;
