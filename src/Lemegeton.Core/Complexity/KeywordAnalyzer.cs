using System.Text.RegularExpressions;

namespace Lemegeton.Core.Complexity;

/// <summary>Scores a PR's title and description by keyword groups, matching whole words case-insensitively.</summary>
public sealed class KeywordAnalyzer
{
    /// <summary>The reference's groups (spec §13.3).</summary>
    public static IReadOnlyList<KeywordGroup> DefaultGroups { get; } =
    [
        new("complexity", 3, ["complex", "architect", "refactor", "algorithm", "optimize"]),
        new("risk", 2, ["performance", "security", "critical", "integration", "migration"]),
        new("simplicity", -2, ["simple", "basic", "trivial", "minor", "straightforward"]),
        new("documentation", -1, ["typo", "formatting", "comment", "documentation", "docs", "readme"]),
    ];

    private readonly List<(KeywordGroup Group, Regex Pattern)> _groups = [];

    public KeywordAnalyzer(IEnumerable<KeywordGroup>? groups = null)
    {
        foreach (var g in groups ?? DefaultGroups) Add(g);
    }

    public IReadOnlyList<KeywordGroup> Groups => [.. _groups.Select(g => g.Group)];

    /// <summary>Adds a group of words (for a team's own vocabulary).</summary>
    public void Add(KeywordGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var alternation = string.Join('|', group.Words.Select(w => Regex.Escape(w.ToLowerInvariant())));
        _groups.Add((group, new Regex($@"\b(?:{alternation})\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)));
    }

    /// <summary>The summed weight of every group with a match, and the matched words (each once, in text order per group).</summary>
    public KeywordScore Analyze(string text)
    {
        var score = 0;
        var matched = new List<string>();
        foreach (var (group, pattern) in _groups)
        {
            var words = pattern.Matches(text).Select(m => m.Value.ToLowerInvariant()).Distinct().ToList();
            if (words.Count == 0) continue;
            score += group.Weight;
            matched.AddRange(words.Where(w => !matched.Contains(w)));
        }
        return new KeywordScore(score, matched);
    }
}

/// <summary>The result of <see cref="KeywordAnalyzer.Analyze"/>.</summary>
public sealed record KeywordScore(int Score, IReadOnlyList<string> MatchedWords);
