namespace Lemegeton.Hub.Actors;

/// <summary>To the agent registry: stop a session actor after the messages queued before this one (an operator kicked the agent).</summary>
public sealed record StopSession(string SessionId);
