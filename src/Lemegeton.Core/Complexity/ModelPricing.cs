using Lemegeton.Core.States;

namespace Lemegeton.Core.Complexity;

/// <summary>Throughput and price of one model tier, used to turn estimated minutes into an estimated cost.</summary>
/// <param name="Tier">The tier.</param>
/// <param name="TokensPerMinute">Tokens the model spends per minute of work.</param>
/// <param name="UsdPerMillionTokens">Price per million tokens.</param>
public sealed record ModelPricing(ModelTier Tier, int TokensPerMinute, decimal UsdPerMillionTokens)
{
    /// <summary>The reference's figures: haiku 5000 tok/min at $0.25/M, sonnet 3000 at $3/M, opus 2000 at $15/M.</summary>
    public static IReadOnlyList<ModelPricing> Defaults { get; } =
    [
        new(ModelTier.Haiku, 5000, 0.25m),
        new(ModelTier.Sonnet, 3000, 3m),
        new(ModelTier.Opus, 2000, 15m),
    ];

    public static ModelPricing For(ModelTier tier) => Defaults[(int)tier];

    /// <summary>minutes × tokens per minute ÷ 1,000,000 × price.</summary>
    public decimal EstimateCost(int minutes) => minutes * (decimal)TokensPerMinute / 1_000_000m * UsdPerMillionTokens;
}
