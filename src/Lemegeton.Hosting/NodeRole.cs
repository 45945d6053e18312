namespace Lemegeton.Hosting;

/// <summary>What a node is in the Lemegeton cluster; its cluster role is <see cref="NodeRoleNames.Of"/>.</summary>
public enum NodeRole
{
    /// <summary>The hub daemon: the cluster's seed, where the coordinator singleton runs (role <c>hub</c>).</summary>
    Hub,

    /// <summary>An agent process that joins the hub's cluster (role <c>agent</c>).</summary>
    Agent,
}
