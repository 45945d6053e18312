using Lemegeton.Core.States;

namespace Lemegeton.Core.Complexity;

/// <summary>Which model tier a PR needs, by complexity score, and where to go when that tier is busy.</summary>
public static class ModelRouting
{
    /// <summary>Scores 1–3 → haiku, 4–7 → sonnet, 8–10 → opus (scores outside 1–10 are clamped first).</summary>
    public static ModelTier TierFor(int score) => Math.Clamp(score, 1, 10) switch
    {
        <= 3 => ModelTier.Haiku,
        <= 7 => ModelTier.Sonnet,
        _ => ModelTier.Opus,
    };

    /// <summary>
    /// The tiers to try, preferred first: haiku → sonnet → opus; sonnet → opus → haiku;
    /// opus → sonnet → haiku. A stronger model is preferred to a weaker one, except that opus work
    /// goes to sonnet before haiku.
    /// </summary>
    public static IReadOnlyList<ModelTier> FallbackOrder(ModelTier preferred) => preferred switch
    {
        ModelTier.Haiku => HaikuOrder,
        ModelTier.Sonnet => SonnetOrder,
        _ => OpusOrder,
    };

    private static readonly ModelTier[] HaikuOrder = [ModelTier.Haiku, ModelTier.Sonnet, ModelTier.Opus];
    private static readonly ModelTier[] SonnetOrder = [ModelTier.Sonnet, ModelTier.Opus, ModelTier.Haiku];
    private static readonly ModelTier[] OpusOrder = [ModelTier.Opus, ModelTier.Sonnet, ModelTier.Haiku];
}
