namespace Lemegeton.Hub.Spawner;

/// <summary>A line an agent process wrote (read off the actor thread, delivered as a message).</summary>
/// <param name="Generation">Which start of the agent wrote it.</param>
/// <param name="Stream"><c>stdout</c> or <c>stderr</c>.</param>
internal sealed record AgentOutputLine(int Generation, string Stream, string Line);
