using System.Globalization;
using Lemegeton.Core.TaskList;

namespace Lemegeton.Core.Complexity;

/// <summary>
/// The complexity scorer of spec §13.3: raw = files × 0.5 + dependencies × 1.0 + keyword score
/// + 1 for a description over 500 characters; score = clamp(round(raw), 1, 10); 10 minutes per
/// point; model tier by <see cref="ModelRouting.TierFor"/>.
/// </summary>
public sealed class ComplexityScorer(KeywordAnalyzer? keywords = null)
{
    public const double PointsPerFile = 0.5;
    public const double PointsPerDependency = 1.0;
    public const int LongDescriptionCharacters = 500;
    public const int MinutesPerPoint = 10;

    private readonly KeywordAnalyzer _keywords = keywords ?? new KeywordAnalyzer();

    /// <summary>Scores a PR from its title, body, estimated files and dependencies.</summary>
    public ComplexityScore Score(PullRequest pr)
    {
        ArgumentNullException.ThrowIfNull(pr);
        var files = pr.Files.Count();
        return Score(pr.Title, pr.Body, files, pr.Dependencies.Count);
    }

    public ComplexityScore Score(string title, string? description, int fileCount, int dependencyCount)
    {
        var fileScore = fileCount * PointsPerFile;
        var dependencyScore = dependencyCount * PointsPerDependency;
        var keywords = _keywords.Analyze($"{title} {description}");
        var descriptionScore = (description?.Length ?? 0) > LongDescriptionCharacters ? 1 : 0;
        var raw = fileScore + dependencyScore + keywords.Score + descriptionScore;
        // Half-up rounding, as JavaScript's Math.round does for the positive values that matter.
        var score = Math.Clamp((int)Math.Floor(raw + 0.5), 1, 10);

        var parts = new List<string>();
        if (fileCount > 0) parts.Add($"{fileCount} {(fileCount == 1 ? "file" : "files")} ({Points(fileScore)} points)");
        if (dependencyCount > 0) parts.Add($"{dependencyCount} {(dependencyCount == 1 ? "dependency" : "dependencies")} ({Points(dependencyScore)} points)");
        if (keywords.MatchedWords.Count > 0)
            parts.Add($"complexity keywords: {string.Join(", ", keywords.MatchedWords)} ({keywords.Score:+0;-0;0})");
        if (descriptionScore > 0) parts.Add("detailed requirements (+1)");
        if (parts.Count == 0) parts.Add("no complexity factors");

        return new ComplexityScore(
            score,
            score * MinutesPerPoint,
            fileCount,
            dependencyCount,
            ModelRouting.TierFor(score),
            $"Score {score}/10: {string.Join("; ", parts)}",
            new ComplexityFactors(fileScore, dependencyScore, keywords.Score, descriptionScore));
    }

    private static string Points(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
