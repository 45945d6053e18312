namespace Lemegeton.Core.Scheduling;

/// <summary>The kind of work a PR needs next, which decides which agent types may take it.</summary>
public enum WorkKind
{
    /// <summary>Investigate and plan a <c>new</c>, <c>ready</c> or <c>broken</c> PR (planning agents).</summary>
    Planning,
    /// <summary>Implement a <c>planned</c> PR, or a <c>ready</c> one when no planning agent exists (worker agents).</summary>
    Implementation,
    /// <summary>Check a <c>completed</c> PR (qc agents).</summary>
    QualityCheck,
    /// <summary>Review a <c>completed</c> PR (review agents).</summary>
    Review,
}
