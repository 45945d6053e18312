namespace Lemegeton.Hub.Admin;

/// <summary>The parts of <c>/v1/status</c> that the actor tree knows: register an implementation to replace the placeholder.</summary>
public interface IHubRuntimeStatus
{
    /// <summary>distributed, degraded or isolated.</summary>
    string Mode { get; }

    HubCounts Counts { get; }
}
