namespace Lemegeton.Core.Scheduling;

/// <summary>One key of the order in which candidates are considered (earlier ones win conflicts).</summary>
public enum OrderKey
{
    /// <summary>critical, high, medium, low.</summary>
    Priority,
    /// <summary>Complexity score ascending (easiest first).</summary>
    Complexity,
    /// <summary>Estimated minutes ascending.</summary>
    EstimatedMinutes,
    /// <summary>PR id, ordinal; always the last tie-breaker.</summary>
    Id,
}
