namespace Lemegeton.Hub.Gateway;

/// <summary>What the task list says about a PR, for the dashboard's snapshot (title, dependencies, files, complexity, priority).</summary>
public sealed record GatewayPrInfo(string Id, string Title, IReadOnlyList<string> Dependencies, IReadOnlyList<string> Files, int? Complexity, string? Priority);
