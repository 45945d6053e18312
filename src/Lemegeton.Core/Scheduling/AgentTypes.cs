namespace Lemegeton.Core.Scheduling;

/// <summary>The agent types the scheduler knows and the work each takes.</summary>
public static class AgentTypes
{
    public const string Planning = "planning";
    public const string Worker = "worker";
    public const string Qc = "qc";
    public const string Review = "review";

    public static IReadOnlyList<string> All { get; } = [Planning, Worker, Qc, Review];

    /// <summary>The work an agent of this type does, or null for a type the scheduler does not assign work to.</summary>
    public static WorkKind? WorkOf(string type) => type.ToLowerInvariant() switch
    {
        Planning => WorkKind.Planning,
        Worker => WorkKind.Implementation,
        Qc => WorkKind.QualityCheck,
        Review => WorkKind.Review,
        _ => null,
    };
}
