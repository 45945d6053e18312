namespace Lemegeton.Hosting;

/// <summary>The Akka.Cluster role names of <see cref="NodeRole"/>.</summary>
public static class NodeRoleNames
{
    /// <summary>The role of the hub node, where the coordinator singleton lives.</summary>
    public const string Hub = "hub";

    /// <summary>The role of agent nodes.</summary>
    public const string Agent = "agent";

    /// <summary>The cluster role of <paramref name="role"/>.</summary>
    public static string Of(NodeRole role) => role switch
    {
        NodeRole.Hub => Hub,
        NodeRole.Agent => Agent,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not a node role"),
    };
}
