namespace Lemegeton.Storage.Journal;

/// <summary>The type strings of journal events.</summary>
public static class JournalEventTypes
{
    public const string AgentRegistered = "AgentRegistered";
    public const string AgentRemoved = "AgentRemoved";
    public const string PrAssigned = "PrAssigned";
    public const string LeaseGranted = "LeaseGranted";
    public const string LeaseReleased = "LeaseReleased";
    public const string PrTransitioned = "PrTransitioned";
    public const string HotStateCleared = "HotStateCleared";
}
