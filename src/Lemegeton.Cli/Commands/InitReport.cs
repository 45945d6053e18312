namespace Lemegeton.Cli.Commands;

/// <summary>What <c>lemegeton init --json</c> writes: the repository root and the paths created, kept (already there) and the .gitignore lines added.</summary>
public sealed record InitReport(string Root, IReadOnlyList<string> Created, IReadOnlyList<string> Kept, IReadOnlyList<string> GitignoreAdded, IReadOnlyList<string> Warnings);
