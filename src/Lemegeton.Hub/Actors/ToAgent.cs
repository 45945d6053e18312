namespace Lemegeton.Hub.Actors;

/// <summary>Coordinator → registry → session: deliver a hub message to the session's agent (sender: the session actor).</summary>
public sealed record ToAgent(string SessionId, object Message);
