namespace Lemegeton.Actors;

// Children: a name → cell map allocated on the first child, locked because the guardians accept
// ActorOf from any thread. A name stays taken until the child has fully stopped (as in Akka.NET).
internal sealed partial class ActorCell
{
    private Dictionary<string, ActorCell>? _children;
    private int _nextChildIndex;

    // Set on a child by its parent (on the parent's thread) when the parent asked it to stop.
    private bool _stopRequestedByParent;

    public IEnumerable<IActorRef> Children => ChildrenSnapshot();

    internal ActorCell[] ChildrenSnapshot()
    {
        var children = Volatile.Read(ref _children);
        if (children is null) return [];
        lock (children) return children.Count == 0 ? [] : [.. children.Values];
    }

    private bool HasChildren
    {
        get
        {
            var children = Volatile.Read(ref _children);
            if (children is null) return false;
            lock (children) return children.Count > 0;
        }
    }

    public IActorRef Child(string name)
    {
        var children = Volatile.Read(ref _children);
        if (children is null) return ActorRefs.Nobody;
        lock (children) return children.TryGetValue(name, out var child) ? child : ActorRefs.Nobody;
    }

    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is null) name = "$" + EncodeIndex(Interlocked.Increment(ref _nextChildIndex));
        else ValidateName(name);

        var child = new ActorCell(_system, props, this, _path.Child(name));
        var children = Volatile.Read(ref _children);
        if (children is null)
        {
            Interlocked.CompareExchange(ref _children, new Dictionary<string, ActorCell>(StringComparer.Ordinal), null);
            children = _children!;
        }
        lock (children)
        {
            if (!children.TryAdd(name, child))
                throw new InvalidActorNameException($"Actor name '{name}' is not unique under {_path}: a child with that name is still alive or stopping");
        }
        child.SendSystemMessage(new Create());
        // A parent that is already stopping stops new children at once, so none outlives it.
        if (Volatile.Read(ref _terminated) != 0 || Volatile.Read(ref _terminating)) child.SendSystemMessage(new Terminate());
        return child;
    }

    private static void ValidateName(string name)
    {
        if (name.Length == 0) throw new InvalidActorNameException("An actor name must not be empty");
        if (name[0] == '$') throw new InvalidActorNameException($"Actor name '{name}' is invalid: names starting with '$' are reserved for generated names");
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c) || "-_.:@&=+,!~*'$;()".Contains(c)) continue;
            throw new InvalidActorNameException($"Actor name '{name}' is invalid: character '{c}' is not allowed (use letters, digits and -_.:@&=+,!~*'$;())");
        }
    }

    private static string EncodeIndex(long index)
    {
        const string chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+~";
        Span<char> buffer = stackalloc char[12];
        var pos = buffer.Length;
        do
        {
            buffer[--pos] = chars[(int)(index & 63)];
            index >>= 6;
        }
        while (index != 0);
        return new string(buffer[pos..]);
    }

    public void Stop(IActorRef child)
    {
        if (child.Unwrap() is not ActorCell cell) return;
        if (ReferenceEquals(cell._parent, this)) cell._stopRequestedByParent = true;
        cell.SendSystemMessage(new Terminate());
    }

    private bool RemoveChild(ActorCell child)
    {
        var children = Volatile.Read(ref _children);
        if (children is null) return false;
        lock (children)
        {
            if (!children.TryGetValue(child._path.Name, out var existing) || !ReferenceEquals(existing, child)) return false;
            children.Remove(child._path.Name);
            if (children.Count == 0) children.TrimExcess();
            return true;
        }
    }
}
