namespace Lemegeton.Actors;

/// <summary>Implemented by actors that can describe their current state for introspection (FSMs do).</summary>
public interface IStateIntrospection
{
    /// <summary>A short description of the current state, e.g. the FSM state name; read from another thread.</summary>
    string? StateDescription { get; }
}

/// <summary>One actor in a snapshot of the actor tree. Figures are read without stopping the actors, so they are approximate.</summary>
/// <param name="Path">Path without address, e.g. <c>/user/registry</c>.</param>
/// <param name="ActorType">Full type name of the actor.</param>
/// <param name="MailboxDepth">User messages waiting.</param>
/// <param name="MessagesProcessed">User messages processed since creation (across restarts).</param>
/// <param name="Restarts">Times the actor was restarted.</param>
/// <param name="State">For FSMs and other <see cref="IStateIntrospection"/> actors, the current state.</param>
/// <param name="Children">The children, ordered by name.</param>
public sealed record ActorTreeNode(
    string Path,
    string ActorType,
    int MailboxDepth,
    long MessagesProcessed,
    int Restarts,
    string? State,
    IReadOnlyList<ActorTreeNode> Children)
{
    internal static ActorTreeNode From(ActorCell cell)
    {
        var children = cell.ChildrenSnapshot()
            .OrderBy(c => c.Path.Name, StringComparer.Ordinal)
            .Select(From)
            .ToArray();
        return new ActorTreeNode(
            cell.Path.ToStringWithoutAddress(),
            cell.Props.ActorType.FullName ?? cell.Props.ActorType.Name,
            cell.MailboxDepth,
            cell.MessagesProcessed,
            cell.Restarts,
            (cell.Actor as IStateIntrospection)?.StateDescription,
            children);
    }

    /// <summary>All nodes of the subtree, depth first.</summary>
    public IEnumerable<ActorTreeNode> Descendants()
    {
        yield return this;
        foreach (var child in Children)
            foreach (var d in child.Descendants()) yield return d;
    }
}
