namespace Lemegeton.Core.Scheduling;

/// <summary>How a PR picks among the agents that can take it.</summary>
public enum AssignmentStrategy
{
    /// <summary>The agent with the highest match score (complexity fit, model, success rate, priority, specialisation).</summary>
    CapabilityMatched,
    /// <summary>The first fitting agent in snapshot order.</summary>
    FirstAvailable,
    /// <summary>The fitting agent with the fewest PRs (current load plus this decision's assignments).</summary>
    LoadBalanced,
    /// <summary>Fitting agents in turn, continuing where the previous assignment left off.</summary>
    RoundRobin,
}

/// <summary>Wire names of <see cref="AssignmentStrategy"/> (<c>capability_matched</c>, …).</summary>
public static class AssignmentStrategyNames
{
    private static readonly string[] Names = ["capability_matched", "first_available", "load_balanced", "round_robin"];

    public static string ToWire(this AssignmentStrategy s) => Names[(int)s];

    public static bool TryParse(string? text, out AssignmentStrategy strategy)
    {
        var i = text is null ? -1 : Array.IndexOf(Names, text.Trim().ToLowerInvariant().Replace('-', '_'));
        strategy = i < 0 ? default : (AssignmentStrategy)i;
        return i >= 0;
    }
}
