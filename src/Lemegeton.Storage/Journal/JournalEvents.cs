namespace Lemegeton.Storage.Journal;

/// <summary>Builds the journal event of each type from its data.</summary>
public static class JournalEvents
{
    private static StorageJsonContext Json => StorageJsonContext.Default;

    public static JournalEvent AgentRegistered(AgentRegisteredData data, DateTimeOffset time) =>
        JournalEvent.Create(JournalEventTypes.AgentRegistered, data, Json.AgentRegisteredData, time);

    public static JournalEvent AgentRemoved(AgentRemovedData data, DateTimeOffset time) =>
        JournalEvent.Create(JournalEventTypes.AgentRemoved, data, Json.AgentRemovedData, time);

    public static JournalEvent PrAssigned(PrAssignedData data, DateTimeOffset time) =>
        JournalEvent.Create(JournalEventTypes.PrAssigned, data, Json.PrAssignedData, time);

    public static JournalEvent PrTransitioned(PrTransitionedData data, DateTimeOffset time) =>
        JournalEvent.Create(JournalEventTypes.PrTransitioned, data, Json.PrTransitionedData, time);

    public static JournalEvent HotStateCleared(HotStateClearedData data, DateTimeOffset time) =>
        JournalEvent.Create(JournalEventTypes.HotStateCleared, data, Json.HotStateClearedData, time);

    public static JournalEvent LeaseGranted(LeaseGrantedData data, DateTimeOffset time) =>
        JournalEvent.Create(JournalEventTypes.LeaseGranted, data, Json.LeaseGrantedData, time);

    public static JournalEvent LeaseReleased(LeaseReleasedData data, DateTimeOffset time) =>
        JournalEvent.Create(JournalEventTypes.LeaseReleased, data, Json.LeaseReleasedData, time);
}
