namespace Lemegeton.Hub.Actors;

/// <summary>Coordinator → registry: send <see cref="Message"/> to every live session's agent.</summary>
public sealed record ToAllAgents(object Message);
