namespace Lemegeton.Storage.Journal;

// The data of each journal event type. States are written with their wire names
// ("in-progress", "completed") so the journal reads like the task list.

/// <summary>Data of <see cref="JournalEventTypes.AgentRegistered"/>.</summary>
public sealed record AgentRegisteredData(string AgentId, string? AgentType = null);

/// <summary>Data of <see cref="JournalEventTypes.AgentRemoved"/>: the agent stopped, crashed or timed out.</summary>
public sealed record AgentRemovedData(string AgentId, string? Reason = null);

/// <summary>Data of <see cref="JournalEventTypes.PrAssigned"/>: the PR enters a hot state under an agent.</summary>
public sealed record PrAssignedData(string PrId, string AgentId, string HotState = "investigating");

/// <summary>Data of <see cref="JournalEventTypes.PrTransitioned"/>: from and to are state wire names, hot or cold.</summary>
public sealed record PrTransitionedData(string PrId, string From, string To, string? AgentId = null, string? Reason = null, long? FencingToken = null);

/// <summary>Data of <see cref="JournalEventTypes.HotStateCleared"/>: the PR falls back to its cold state.</summary>
public sealed record HotStateClearedData(string PrId, string Reason);

/// <summary>Data of <see cref="JournalEventTypes.LeaseGranted"/>.</summary>
public sealed record LeaseGrantedData(string AgentId, string PrId, IReadOnlyList<string> Files, long FencingToken);

/// <summary>Data of <see cref="JournalEventTypes.LeaseReleased"/>.</summary>
public sealed record LeaseReleasedData(string AgentId, IReadOnlyList<string> Files);
