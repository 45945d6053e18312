using System.Text;

namespace Lemegeton.Actors;

/// <summary>
/// The hierarchical name of an actor: the system's root followed by the names of its ancestors.
/// Printed like Akka.NET's local paths, <c>akka://system/user/parent/child</c>.
/// </summary>
public sealed class ActorPath : IEquatable<ActorPath>
{
    private string? _text;

    private ActorPath(string systemName, ActorPath? parent, string name)
    {
        SystemName = systemName;
        Parent = parent;
        Name = name;
    }

    /// <summary>Name of the actor system this path belongs to.</summary>
    public string SystemName { get; }

    /// <summary>The parent's path, or null for the root.</summary>
    public ActorPath? Parent { get; }

    /// <summary>The last element of the path (the actor's name); empty for the root.</summary>
    public string Name { get; }

    /// <summary>Creates the root path of a system.</summary>
    public static ActorPath CreateRoot(string systemName) => new(systemName, null, string.Empty);

    /// <summary>Returns the path of a child named <paramref name="name"/>.</summary>
    public ActorPath Child(string name) => new(SystemName, this, name);

    /// <summary>Path elements below the root, e.g. <c>["user", "a"]</c>.</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var list = new List<string>();
            for (var p = this; p.Parent is not null; p = p.Parent) list.Add(p.Name);
            list.Reverse();
            return list;
        }
    }

    /// <summary>The path without scheme and system, e.g. <c>/user/a</c>.</summary>
    public string ToStringWithoutAddress()
    {
        if (Parent is null) return "/";
        var sb = new StringBuilder();
        foreach (var e in Elements) sb.Append('/').Append(e);
        return sb.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => _text ??= "akka://" + SystemName + (Parent is null ? "/" : ToStringWithoutAddress());

    /// <inheritdoc />
    public bool Equals(ActorPath? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || Name != other.Name || SystemName != other.SystemName) return false;
        return Equals(Parent, other.Parent);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ActorPath);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Parent?.GetHashCode() ?? SystemName.GetHashCode(StringComparison.Ordinal));
}
