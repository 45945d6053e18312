namespace Lemegeton.Hub.Actors.Shutdown;

/// <summary>The sessions that hold at least one assignment (idle sessions are not listed).</summary>
public sealed record WorkingAgents(IReadOnlyList<string> SessionIds);
