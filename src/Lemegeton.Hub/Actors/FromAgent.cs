using Lemegeton.Protocol;

namespace Lemegeton.Hub.Actors;

/// <summary>Session → coordinator: a message the agent sent to its session.</summary>
public sealed record FromAgent(string SessionId, IAgentMessage Message);
