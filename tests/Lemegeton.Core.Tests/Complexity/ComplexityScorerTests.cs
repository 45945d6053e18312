using Lemegeton.Core.Complexity;
using Lemegeton.Core.States;
using Lemegeton.Core.TaskList;

namespace Lemegeton.Core.Tests.Complexity;

public class ComplexityScorerTests
{
    private readonly ComplexityScorer _scorer = new();

    [Fact]
    public void Scores_half_a_point_per_file()
    {
        Assert.Equal(3.0, _scorer.Score("Add widget", "", 6, 0).Factors.FileScore);
        Assert.Equal(3, _scorer.Score("Add widget", "", 6, 0).Score);
        Assert.Equal(1, _scorer.Score("Add widget", "", 0, 0).Score); // no files: clamped to 1
    }

    [Fact]
    public void Scores_a_point_per_dependency()
    {
        var scored = _scorer.Score("Add widget", "", 0, 4);
        Assert.Equal(4.0, scored.Factors.DependencyScore);
        Assert.Equal(4, scored.Score);
        Assert.Equal(0, _scorer.Score("Add widget", "", 2, 0).DependencyCount);
    }

    [Fact]
    public void Complexity_keywords_raise_and_simplicity_keywords_lower_the_score()
    {
        Assert.Equal(3, _scorer.Score("Refactor the scheduler", "", 0, 0).Factors.KeywordScore);
        Assert.Equal(5, _scorer.Score("Refactor for performance", "complex algorithm", 0, 0).Factors.KeywordScore);
        Assert.Equal(-2, _scorer.Score("Simple fix", "", 0, 0).Factors.KeywordScore);
        Assert.Equal(-3, _scorer.Score("Trivial typo", "", 0, 0).Factors.KeywordScore);
        // Whole words only: "refactoring" and "docstring" match nothing.
        Assert.Equal(0, _scorer.Score("Refactoring docstring", "", 0, 0).Factors.KeywordScore);
    }

    [Fact]
    public void A_long_description_adds_a_point()
    {
        Assert.Equal(1, _scorer.Score("x", new string('a', 501), 0, 0).Factors.DescriptionScore);
        Assert.Equal(0, _scorer.Score("x", new string('a', 500), 0, 0).Factors.DescriptionScore);
    }

    [Theory]
    [InlineData(2, 0, ModelTier.Haiku)]
    [InlineData(6, 2, ModelTier.Sonnet)]
    [InlineData(10, 5, ModelTier.Opus)]
    public void Recommends_a_model_by_score(int files, int deps, ModelTier expected) =>
        Assert.Equal(expected, _scorer.Score("Add widget", "", files, deps).SuggestedModel);

    [Fact]
    public void Clamps_the_score_to_1_to_10_and_estimates_10_minutes_a_point()
    {
        var big = _scorer.Score("Complex security migration", new string('a', 600), 40, 10);
        Assert.Equal(10, big.Score);
        Assert.Equal(100, big.EstimatedMinutes);
        var tiny = _scorer.Score("Trivial typo in docs", "", 0, 0);
        Assert.Equal(1, tiny.Score);
        Assert.Equal(10, tiny.EstimatedMinutes);
    }

    [Fact]
    public void The_rationale_names_every_contributing_factor()
    {
        var scored = _scorer.Score("Refactor auth", new string('a', 501), 3, 2);
        Assert.Equal("Score 8/10: 3 files (1.5 points); 2 dependencies (2.0 points); complexity keywords: refactor (+3); detailed requirements (+1)", scored.Rationale);
    }

    [Fact]
    public void Scores_a_task_list_pr_from_its_files_dependencies_and_body()
    {
        var pr = new PullRequest
        {
            Id = "PR-001", Title = "Optimize the query planner", ColdState = ColdState.New, Dependencies = ["PR-000"],
            EstimatedFiles = [new PrFile("a.cs", FileAction.Modify, null), new PrFile("b.cs", FileAction.Create, null)],
            Body = "Short.",
        };
        var scored = _scorer.Score(pr);
        Assert.Equal(2, scored.FileCount);
        Assert.Equal(5, scored.Score); // 1 + 1 + 3
    }

    [Fact]
    public void Custom_keyword_groups_can_be_added()
    {
        var analyzer = new KeywordAnalyzer();
        analyzer.Add(new KeywordGroup("compliance", 4, ["gdpr"]));
        var result = analyzer.Analyze("GDPR export");
        Assert.Equal(4, result.Score);
        Assert.Equal(["gdpr"], result.MatchedWords);
        Assert.Equal(["complex", "simple"], new KeywordAnalyzer().Analyze("a complex yet simple, complex thing").MatchedWords);
    }
}

public class ModelRoutingTests
{
    [Theory]
    [InlineData(1, ModelTier.Haiku)] [InlineData(3, ModelTier.Haiku)]
    [InlineData(4, ModelTier.Sonnet)] [InlineData(7, ModelTier.Sonnet)]
    [InlineData(8, ModelTier.Opus)] [InlineData(10, ModelTier.Opus)]
    [InlineData(0, ModelTier.Haiku)] [InlineData(42, ModelTier.Opus)]
    public void Routes_by_score(int score, ModelTier tier) => Assert.Equal(tier, ModelRouting.TierFor(score));

    [Fact]
    public void Falls_back_in_the_documented_order()
    {
        Assert.Equal([ModelTier.Haiku, ModelTier.Sonnet, ModelTier.Opus], ModelRouting.FallbackOrder(ModelTier.Haiku));
        Assert.Equal([ModelTier.Sonnet, ModelTier.Opus, ModelTier.Haiku], ModelRouting.FallbackOrder(ModelTier.Sonnet));
        Assert.Equal([ModelTier.Opus, ModelTier.Sonnet, ModelTier.Haiku], ModelRouting.FallbackOrder(ModelTier.Opus));
    }

    [Fact]
    public void Estimates_cost_from_minutes()
    {
        // 100 min × 3000 tok/min = 300k tokens at $3/M.
        Assert.Equal(0.9m, ModelPricing.For(ModelTier.Sonnet).EstimateCost(100));
        Assert.Equal(3, ModelPricing.Defaults.Count);
    }
}

public class ComplexityBatchSummaryTests
{
    [Fact]
    public void Summarises_distribution_tiers_time_and_cost()
    {
        var scorer = new ComplexityScorer();
        var scores = new[]
        {
            scorer.Score("Simple fix", "", 2, 0),                       // 1 → haiku, 10 min
            scorer.Score("Add widget", "", 6, 2),                       // 5 → sonnet, 50 min
            scorer.Score("Refactor auth for security", "", 6, 2),       // 10 → opus, 100 min
        };
        var summary = ComplexityBatchSummary.Of(scores);
        Assert.Equal(3, summary.Count);
        Assert.Equal((1, 10), (summary.MinScore, summary.MaxScore));
        Assert.Equal(160, summary.TotalMinutes);
        Assert.Equal(1, summary.TierCounts[ModelTier.Opus]);
        Assert.Equal([1, 0, 0, 0, 1, 0, 0, 0, 0, 1], summary.Histogram);
        // haiku 10 min × 5000 tok × $0.25/M + sonnet 50 × 3000 × $3/M + opus 100 × 2000 × $15/M
        Assert.Equal(0.0125m + 0.45m + 3m, summary.TotalCost);
        Assert.Equal("3 PRs, average 5.3 (1–10): 1 haiku, 1 sonnet, 1 opus; 160 min, $3.46", summary.ToString());
        Assert.Equal(0, ComplexityBatchSummary.Of([]).Count);
    }
}
