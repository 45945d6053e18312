namespace Lemegeton.Cli.Commands;

/// <summary>Two PRs that share files and could otherwise run at the same time.</summary>
public sealed record DemoOverlap(string First, string Second, IReadOnlyList<string> Files);
