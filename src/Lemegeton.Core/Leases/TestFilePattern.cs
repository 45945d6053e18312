namespace Lemegeton.Core.Leases;

/// <summary>One source ↔ test layout of <see cref="PairedTestFiles"/>.</summary>
/// <param name="SourceDirectory">The directory segment sources live under (<c>src</c>), or null for any directory.</param>
/// <param name="TestDirectory">The directory segment tests live under (<c>tests</c>); for colocated tests the sub-directory, if any.</param>
/// <param name="Suffix">Added to the source name before the extension (<c>.test</c>, <c>_test</c>, or empty).</param>
/// <param name="Extension">The only extension the pattern applies to, or null for any.</param>
/// <param name="Colocated">True when tests sit next to their sources.</param>
public sealed record TestFilePattern(string? SourceDirectory, string TestDirectory, string Suffix, string? Extension, bool Colocated = false);
