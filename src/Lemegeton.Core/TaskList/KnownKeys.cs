namespace Lemegeton.Core.TaskList;

/// <summary>The keys every PR block repeats, shared instead of allocated once per block.</summary>
internal static class KnownKeys
{
    private static readonly string[] Keys =
    [
        "pr_id", "title", "cold_state", "priority", "complexity", "score", "estimated_minutes", "suggested_model",
        "rationale", "dependencies", "estimated_files", "actual_files", "path", "action", "description",
        "lines_added", "lines_removed", "notes", "acceptance_criteria",
    ];

    public static string Get(ReadOnlySpan<char> key)
    {
        foreach (var k in Keys)
            if (key.SequenceEqual(k)) return k;
        return key.ToString();
    }
}
