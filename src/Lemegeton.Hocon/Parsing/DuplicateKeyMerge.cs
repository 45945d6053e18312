namespace Lemegeton.Hocon.Parsing;

/// <summary>
/// What happens when a field is defined again (in the same file, a later file or an include):
/// objects merge, anything else replaces, and a definition that still holds substitutions is kept
/// next to the earlier one until resolution decides. Self-references (<c>a = ${a} [x]</c>, <c>a += x</c>)
/// are rewritten here to look back into the value they override, as the spec requires.
/// </summary>
internal static class DuplicateKeyMerge
{
    /// <param name="target">Object receiving the field.</param>
    /// <param name="fieldPath">Absolute path of the field, or null inside a list (self-references cannot be told there).</param>
    /// <param name="atRoot">
    /// True when <paramref name="target"/> is the document root: a self-reference with nothing earlier
    /// becomes "no previous value". Inside an object literal the earlier value may still come from an
    /// outer definition, so only duplicates within the literal are rewritten there.
    /// </param>
    public static void MergeField(HoconObject target, string key, HoconValue value, string[]? fieldPath, bool quotedKey, bool atRoot)
    {
        var previous = target[key];
        if (fieldPath is not null && (previous is not null || atRoot))
        {
            RewriteSelfReferences(value, fieldPath, fieldPath, previous);
        }

        target.Set(key, Merge(previous, value), quotedKey);
    }

    private static HoconValue Merge(HoconValue? previous, HoconValue value)
    {
        if (previous is null || ReferenceEquals(previous, value))
        {
            return value;
        }

        if (value is HoconObject later)
        {
            if (previous is HoconObject earlier)
            {
                foreach (var (key, child) in later.Fields)
                {
                    earlier.Set(key, Merge(earlier[key], child), later.IsQuotedKey(key));
                }

                return earlier;
            }

            return IsUnresolved(previous) ? new HoconDelayedMerge(previous, value) : value;
        }

        // A later substitution may resolve to an object (which merges) or to nothing (which keeps the earlier value).
        return IsUnresolved(value) ? new HoconDelayedMerge(previous, value) : value;
    }

    private static bool IsUnresolved(HoconValue value) => value is HoconSubstitution or HoconConcatenation or HoconDelayedMerge;

    /// <summary>
    /// A substitution directly in a field's value (alone or in a concatenation, not inside a list) whose
    /// path starts with the field's own path refers to the value being overridden.
    /// </summary>
    private static void RewriteSelfReferences(HoconValue value, string[] field, string[] mergePath, HoconValue? previous)
    {
        switch (value)
        {
            case HoconSubstitution substitution:
                RewriteIfSelfReference(substitution, field, mergePath, previous);
                break;
            case HoconConcatenation concatenation:
                foreach (var part in concatenation.Parts)
                {
                    if (part is HoconSubstitution substitution)
                    {
                        RewriteIfSelfReference(substitution, field, mergePath, previous);
                    }
                }

                break;
            case HoconDelayedMerge merge:
                foreach (var definition in merge.Stack)
                {
                    RewriteSelfReferences(definition, field, mergePath, previous);
                }

                break;
            case HoconObject obj:
                foreach (var (key, child) in obj.Fields)
                {
                    RewriteSelfReferences(child, [.. field, key], mergePath, previous);
                }

                break;
        }
    }

    private static void RewriteIfSelfReference(HoconSubstitution substitution, string[] field, string[] mergePath, HoconValue? previous)
    {
        if (substitution.IsSelfReference || !StartsWith(substitution.Path, field))
        {
            return;
        }

        // Walk the overridden value now, while it is still the value "below" this definition; stop at
        // the first node that needs resolving and let the resolver continue from there.
        var node = previous;
        var i = mergePath.Length;
        while (node is HoconObject obj && i < substitution.Path.Length)
        {
            node = obj[substitution.Path[i]];
            i++;
        }

        if (node is HoconScalar or HoconArray && i < substitution.Path.Length)
        {
            node = null;
        }

        substitution.LookBackInto(node, node is null ? [] : substitution.Path[i..]);
    }

    private static bool StartsWith(string[] path, string[] prefix)
    {
        if (path.Length < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (!string.Equals(path[i], prefix[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
