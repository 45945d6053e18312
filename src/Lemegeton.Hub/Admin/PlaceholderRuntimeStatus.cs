namespace Lemegeton.Hub.Admin;

/// <summary>What <c>/v1/status</c> reports before the actor tree exists: mode unknown, nothing coordinated.</summary>
public sealed class PlaceholderRuntimeStatus : IHubRuntimeStatus
{
    public string Mode => "unknown";

    public HubCounts Counts => HubCounts.None;
}
