using Lemegeton.Core.States;

namespace Lemegeton.Core.Scheduling;

/// <summary>What an agent type can take on and how well (spec §7.5).</summary>
/// <param name="MaxComplexity">The highest complexity score it is given.</param>
/// <param name="PreferredModel">The tier it is best used with (a match bonus in <c>capability_matched</c>).</param>
/// <param name="MinutesPerPoint">Estimated minutes per complexity point.</param>
/// <param name="SuccessRate">Historical success rate, 0–1 (a factor of the match score).</param>
public sealed record AgentCapability(int MaxComplexity, ModelTier PreferredModel, int MinutesPerPoint, double SuccessRate)
{
    /// <summary>For types the scheduler does not know.</summary>
    public static AgentCapability Fallback { get; } = new(5, ModelTier.Haiku, 10, 0.80);

    private static readonly Dictionary<string, AgentCapability> Templates = new(StringComparer.OrdinalIgnoreCase)
    {
        [AgentTypes.Planning] = new(10, ModelTier.Opus, 10, 0.95),
        [AgentTypes.Worker] = new(7, ModelTier.Sonnet, 8, 0.90),
        [AgentTypes.Qc] = new(5, ModelTier.Haiku, 5, 0.85),
        [AgentTypes.Review] = new(8, ModelTier.Sonnet, 6, 0.92),
    };

    /// <summary>The template of an agent <em>type</em> (never looked up by agent id: spec §15 F.29).</summary>
    public static AgentCapability ForType(string agentType) => Templates.GetValueOrDefault(agentType) ?? Fallback;
}
