namespace Lemegeton.Agent.Execution;

/// <summary>The acceptance criteria of a PR body: the list items under its "Acceptance Criteria" heading or bold label.</summary>
public static class AcceptanceCriteria
{
    public static IReadOnlyList<string> From(string body)
    {
        var items = new List<string>();
        var inside = false;
        foreach (var raw in (body ?? "").Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (!inside)
            {
                inside = line.Contains("acceptance criteria", StringComparison.OrdinalIgnoreCase) && (line.StartsWith('#') || line.StartsWith("**", StringComparison.Ordinal));
                continue;
            }
            if (line.Length == 0) { if (items.Count > 0) break; continue; }
            if (line[0] is not ('-' or '*' or '+')) break;
            var text = line[1..].Trim();
            if (text.StartsWith("[ ]", StringComparison.Ordinal) || text.StartsWith("[x]", StringComparison.OrdinalIgnoreCase)) text = text[3..].Trim();
            items.Add(text);
        }
        return items;
    }
}
