namespace Lemegeton.Agent.LocalSocket;

/// <summary>No agent answers on the local socket; the message says why and what to check.</summary>
public sealed class AgentUnreachableException(string message) : Exception(message);
