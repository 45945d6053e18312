namespace Lemegeton.Agent.Actors;

/// <summary>The process is stopping: stop the command, hand the work back (Bye), stop.</summary>
internal sealed record StopAgent(string Reason);
