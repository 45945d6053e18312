using Lemegeton.Core.States;

namespace Lemegeton.Core.Complexity;

/// <summary>Totals over many scored PRs: the distribution, tiers, time and estimated cost (spec §13.3 batch scorer).</summary>
public sealed record ComplexityBatchSummary(
    int Count,
    double AverageScore,
    int MinScore,
    int MaxScore,
    IReadOnlyDictionary<ModelTier, int> TierCounts,
    int TotalMinutes,
    decimal TotalCost,
    IReadOnlyDictionary<ModelTier, decimal> CostByTier,
    IReadOnlyList<int> Histogram)
{
    /// <summary>Summarises scores; cost per PR is its minutes at its suggested tier's <see cref="ModelPricing"/>.</summary>
    public static ComplexityBatchSummary Of(IEnumerable<ComplexityScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var list = scores.ToList();
        var tiers = Enum.GetValues<ModelTier>();
        var histogram = new int[10];
        foreach (var s in list) histogram[Math.Clamp(s.Score, 1, 10) - 1]++;
        var costByTier = tiers.ToDictionary(t => t, t => list.Where(s => s.SuggestedModel == t).Sum(s => ModelPricing.For(t).EstimateCost(s.EstimatedMinutes)));
        return new ComplexityBatchSummary(
            list.Count,
            list.Count == 0 ? 0 : list.Average(s => s.Score),
            list.Count == 0 ? 0 : list.Min(s => s.Score),
            list.Count == 0 ? 0 : list.Max(s => s.Score),
            tiers.ToDictionary(t => t, t => list.Count(s => s.SuggestedModel == t)),
            list.Sum(s => s.EstimatedMinutes),
            costByTier.Values.Sum(),
            costByTier,
            histogram);
    }

    /// <summary>One line for people: "12 PRs, average 4.5 (1–9): 5 haiku, 6 sonnet, 1 opus; 540 min, $1.23".</summary>
    public override string ToString() =>
        $"{Count} PRs, average {AverageScore:0.0} ({MinScore}–{MaxScore}): " +
        string.Join(", ", TierCounts.Select(t => $"{t.Value} {t.Key.ToWire()}")) +
        $"; {TotalMinutes} min, ${TotalCost:0.00}";
}
