namespace Lemegeton.Protocol.Session;

/// <summary>The values of <see cref="RegisterAgent.AgentType"/> (the same set as the scheduler's).</summary>
public static class AgentTypes
{
    public const string Planning = "planning";
    public const string Worker = "worker";
    public const string Qc = "qc";
    public const string Review = "review";

    public static IReadOnlyList<string> All { get; } = [Planning, Worker, Qc, Review];
}
