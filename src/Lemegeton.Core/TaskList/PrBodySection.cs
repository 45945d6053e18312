namespace Lemegeton.Core.TaskList;

/// <summary>A bold-labelled part of a PR body, e.g. <c>**Description:**</c> and the Markdown under it (trimmed).</summary>
public sealed record PrBodySection(string Label, string Markdown);
