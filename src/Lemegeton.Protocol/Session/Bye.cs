namespace Lemegeton.Protocol.Session;

/// <summary>Agent → hub: a clean leave. Its work is handed back at once; no answer.</summary>
/// <param name="Reason">Why the agent leaves, for the hub's log.</param>
public sealed record Bye(string? Reason = null) : IAgentMessage;
