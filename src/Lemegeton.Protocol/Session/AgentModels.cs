namespace Lemegeton.Protocol.Session;

/// <summary>The values of <see cref="RegisterAgent.Model"/>: the model tier an agent runs, which decides the complexity it is routed.</summary>
public static class AgentModels
{
    public const string Haiku = "haiku";
    public const string Sonnet = "sonnet";
    public const string Opus = "opus";

    public static IReadOnlyList<string> All { get; } = [Haiku, Sonnet, Opus];
}
