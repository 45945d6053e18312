using Lemegeton.Core.States;

namespace Lemegeton.Core.Complexity;

/// <summary>A PR's computed complexity: the 1–10 score, its time estimate and model tier, and why.</summary>
public sealed record ComplexityScore(
    int Score,
    int EstimatedMinutes,
    int FileCount,
    int DependencyCount,
    ModelTier SuggestedModel,
    string Rationale,
    ComplexityFactors Factors);

/// <summary>The points each factor contributed before rounding and clamping.</summary>
public sealed record ComplexityFactors(double FileScore, double DependencyScore, int KeywordScore, int DescriptionScore);
