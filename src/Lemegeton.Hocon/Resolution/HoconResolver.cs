using System.Text;

namespace Lemegeton.Hocon.Resolution;

/// <summary>
/// Replaces every substitution in a parsed tree, in place. Lookups "look forward" to the final value
/// of a path; results are memoised per node; a node met again while it is being resolved is a cycle.
/// </summary>
internal sealed class HoconResolver
{
    private readonly HoconObject _root;
    private readonly HoconParseOptions _options;
    private readonly Dictionary<HoconValue, HoconValue?> _memo = new(ReferenceEqualityComparer.Instance);
    private readonly List<HoconSubstitution> _chain = [];

    private HoconResolver(HoconObject root, HoconParseOptions options)
    {
        _root = root;
        _options = options;
    }

    public static void Resolve(HoconObject root, HoconParseOptions options) => new HoconResolver(root, options).Resolve(root);

    /// <summary>The resolved value, or null when it is undefined (an optional substitution that found nothing).</summary>
    private HoconValue? Resolve(HoconValue node)
    {
        switch (node)
        {
            case HoconScalar:
                return node;
            case HoconObject obj:
                if (obj.State != ResolveState.Resolved)
                {
                    obj.State = ResolveState.InProgress;
                    foreach (var key in obj.KeySnapshot())
                    {
                        if (obj.TryGetField(key, out var child) && child.State != ResolveState.Resolved)
                        {
                            var value = Resolve(child);
                            if (!ReferenceEquals(value, child))
                            {
                                WriteBack(obj, key, value);
                            }
                        }
                    }

                    obj.State = ResolveState.Resolved;
                }

                return obj;
            case HoconArray array:
                if (array.State != ResolveState.Resolved)
                {
                    array.State = ResolveState.InProgress;
                    var items = array.MutableItems;
                    for (var i = 0; i < items.Count; i++)
                    {
                        if (Resolve(items[i]) is { } item)
                        {
                            items[i] = item;
                        }
                        else
                        {
                            items.RemoveAt(i--);
                        }
                    }

                    array.State = ResolveState.Resolved;
                }

                return array;
        }

        if (_memo.TryGetValue(node, out var memoised))
        {
            return memoised;
        }

        if (node.State == ResolveState.InProgress)
        {
            throw new HoconException(node.Position, $"substitution cycle through {node.Describe()}; a value cannot depend on itself");
        }

        node.State = ResolveState.InProgress;
        var result = node switch
        {
            HoconSubstitution substitution => ResolveSubstitution(substitution),
            HoconConcatenation concatenation => ResolveConcatenation(concatenation),
            _ => ResolveMerge((HoconDelayedMerge)node),
        };
        node.State = ResolveState.Resolved;
        _memo[node] = result;
        return result;
    }

    private static void WriteBack(HoconObject obj, string key, HoconValue? value)
    {
        if (value is null)
        {
            obj.Remove(key);
        }
        else
        {
            obj.Set(key, value);
        }
    }

    /// <summary>Longest chain of substitutions followed before giving up; bounds recursion on hostile input.</summary>
    internal const int MaxChain = 512;

    private HoconValue? ResolveSubstitution(HoconSubstitution substitution)
    {
        if (_chain.Count >= MaxChain)
        {
            throw new HoconException(substitution.Position, $"more than {MaxChain} substitutions refer to one another in a chain; simplify the configuration");
        }

        _chain.Add(substitution);
        try
        {
            HoconValue? found = null;
            if (substitution.Scope is { } scope)
            {
                found = Lookup(scope, substitution.Path, substitution);
            }
            else if (!substitution.NoPreviousValue)
            {
                found = Lookup(_root, substitution.Path, substitution);
                if (found is null && substitution.FallbackPath is { } fallback)
                {
                    found = Lookup(_root, fallback, substitution);
                }
            }

            if (found is not null)
            {
                return found;
            }

            if (_options.LookupEnvironment(substitution.Expression) is { } environmentValue)
            {
                return new HoconScalar(environmentValue, HoconScalarKind.String, quoted: false, substitution.Position);
            }

            if (substitution.Optional)
            {
                return null;
            }

            throw new HoconException(substitution.Position, substitution.NoPreviousValue
                ? $"{substitution.Display} refers to the field it defines, which has no earlier value; define it before this line, write ${{?{substitution.Expression}}}, or set the environment variable {substitution.Expression}"
                : $"could not resolve {substitution.Display}: there is no such path in the configuration and no environment variable named {substitution.Expression}");
        }
        finally
        {
            _chain.RemoveAt(_chain.Count - 1);
        }
    }

    /// <summary>
    /// Walks <paramref name="path"/> from <paramref name="start"/>. Objects on the way are entered without
    /// resolving them whole (so <c>bar { foo = 1, baz = ${bar.foo} }</c> is no cycle); only the nodes
    /// actually needed are resolved, and their results are written back into their parent.
    /// </summary>
    private HoconValue? Lookup(HoconValue start, string[] path, HoconSubstitution by)
    {
        var current = start;
        if (path.Length == 0)
        {
            return ResolveNeeded(current, by);
        }

        for (var i = 0; i < path.Length; i++)
        {
            if (current is not HoconObject obj)
            {
                if (current is HoconScalar or HoconArray)
                {
                    return null;
                }

                var resolved = ResolveNeeded(current, by);
                if (resolved is not HoconObject resolvedObject)
                {
                    return null;
                }

                obj = resolvedObject;
            }

            if (!obj.TryGetField(path[i], out var child))
            {
                return null;
            }

            if (child is HoconObject && i < path.Length - 1)
            {
                current = child;
                continue;
            }

            var value = ResolveNeeded(child, by);
            if (!ReferenceEquals(value, child))
            {
                WriteBack(obj, path[i], value);
            }

            if (value is null)
            {
                return null;
            }

            current = value;
        }

        return current;
    }

    private HoconValue? ResolveNeeded(HoconValue node, HoconSubstitution by)
    {
        if (node.State == ResolveState.InProgress)
        {
            // The spec treats a cycle met by an optional substitution as a missing value.
            if (by.Optional)
            {
                return null;
            }

            // The chain ends with the substitution that met the cycle.
            var cycle = new StringBuilder();
            foreach (var step in _chain)
            {
                cycle.Append(cycle.Length == 0 ? "" : " -> ").Append(step.Display);
            }

            throw new HoconException(by.Position, $"substitution cycle: {cycle}; a value cannot depend on itself (to extend an earlier value, define it before this line)");
        }

        return Resolve(node);
    }

    private HoconValue? ResolveConcatenation(HoconConcatenation concatenation)
    {
        var parts = concatenation.Parts;
        var resolved = new HoconValue?[parts.Count];
        HoconValue? firstStructured = null;
        HoconValue? firstText = null;
        var anyDefined = false;
        for (var i = 0; i < parts.Count; i++)
        {
            if (concatenation.WhitespaceParts.Contains(i))
            {
                continue;
            }

            var value = Resolve(parts[i]);
            resolved[i] = value;
            if (value is null)
            {
                continue;
            }

            anyDefined = true;
            if (value is HoconObject or HoconArray)
            {
                if (firstStructured is not null && firstStructured.GetType() != value.GetType())
                {
                    throw Mismatch(concatenation, firstStructured, value);
                }

                firstStructured ??= value;
            }
            else
            {
                firstText ??= value;
            }
        }

        if (!anyDefined)
        {
            return null;
        }

        if (firstStructured is not null && firstText is not null)
        {
            throw Mismatch(concatenation, firstStructured, firstText);
        }

        if (firstStructured is HoconArray)
        {
            var items = new List<HoconValue>();
            foreach (var value in resolved)
            {
                if (value is HoconArray array)
                {
                    items.AddRange(array.Items);
                }
            }

            return new HoconArray(concatenation.Position, items) { State = ResolveState.Resolved };
        }

        if (firstStructured is HoconObject)
        {
            HoconObject? merged = null;
            foreach (var value in resolved)
            {
                if (value is HoconObject obj)
                {
                    merged = merged is null ? obj : MergeResolved(merged, obj);
                }
            }

            return merged;
        }

        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < parts.Count; i++)
        {
            if (concatenation.WhitespaceParts.Contains(i))
            {
                sb.Append(((HoconScalar)parts[i]).Text);
            }
            else if (resolved[i] is HoconScalar scalar)
            {
                sb.Append(scalar.Text);
                quoted |= scalar.Quoted;
            }
        }

        return new HoconScalar(sb.ToString(), HoconScalarKind.String, quoted, concatenation.Position);
    }

    private static HoconException Mismatch(HoconConcatenation concatenation, HoconValue first, HoconValue second)
    {
        if (concatenation.AppendTo is { } key)
        {
            var earlier = first is HoconArray ? second : first;
            return new HoconException(concatenation.Position, $"'{key} +=' appends to a list, but '{key}' already holds {earlier.Describe()} (defined at {earlier.Position})");
        }

        return new HoconException(concatenation.Position, $"cannot concatenate {first.Describe()} with {second.Describe()}; only strings, lists or objects can be joined with each other");
    }

    private HoconValue? ResolveMerge(HoconDelayedMerge merge)
    {
        HoconValue? result = null;
        foreach (var definition in merge.Stack)
        {
            var value = Resolve(definition);
            if (value is null)
            {
                continue;
            }

            result = result is HoconObject earlier && value is HoconObject later ? MergeResolved(earlier, later) : value;
        }

        return result;
    }

    /// <summary>Merges two resolved objects into a new one (later wins, objects merge recursively); neither input changes.</summary>
    private static HoconObject MergeResolved(HoconObject earlier, HoconObject later)
    {
        var merged = new HoconObject(later.Position) { State = ResolveState.Resolved };
        foreach (var (key, value) in earlier.Fields)
        {
            merged.Set(key, value);
        }

        merged.CopyQuotedKeysFrom(earlier);
        foreach (var (key, value) in later.Fields)
        {
            merged.Set(key, merged[key] is HoconObject a && value is HoconObject b ? MergeResolved(a, b) : value);
        }

        merged.CopyQuotedKeysFrom(later);
        return merged;
    }
}
