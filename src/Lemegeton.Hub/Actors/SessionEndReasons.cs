namespace Lemegeton.Hub.Actors;

/// <summary>Why a session ended (recorded in <see cref="Events.AgentRemoved"/>).</summary>
public static class SessionEndReasons
{
    public const string Bye = "bye";
    public const string HeartbeatTimeout = "heartbeat-timeout";
    public const string AgentTerminated = "agent-terminated";
    public const string HubRestarted = "hub-restarted";

    /// <summary>The agent id registered again from another process while this session's agent did not answer.</summary>
    public const string Replaced = "replaced";
}
