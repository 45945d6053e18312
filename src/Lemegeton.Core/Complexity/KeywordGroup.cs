namespace Lemegeton.Core.Complexity;

/// <summary>Words that move a complexity score; a group counts once however many of its words appear.</summary>
/// <param name="Name">What the group means ("complexity", "simplicity").</param>
/// <param name="Weight">Points added (or subtracted, when negative) when any word matches.</param>
/// <param name="Words">Lower-case whole words.</param>
public sealed record KeywordGroup(string Name, int Weight, IReadOnlyList<string> Words);
