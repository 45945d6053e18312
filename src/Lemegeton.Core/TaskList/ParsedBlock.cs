namespace Lemegeton.Core.TaskList;

/// <summary>
/// The result of reading one PR section: the PR (null when it misses the minimum to load) and the
/// problems found in that section alone. Kept by <see cref="TaskListDocument"/> so that
/// <see cref="TaskListParser.Reparse"/> can reuse sections whose text did not change.
/// </summary>
internal sealed record ParsedBlock(
    ScannedBlock Scan,
    string? Id,
    SourcePosition IdPosition,
    PullRequest? Pr,
    IReadOnlyList<TaskListDiagnostic> Diagnostics)
{
    /// <summary>The dependencies read from a block that did not load, so they are still checked against the list.</summary>
    public IReadOnlyList<string> UnloadedDependencies { get; init; } = [];
    public IReadOnlyList<SourcePosition> UnloadedDependencyPositions { get; init; } = [];

    /// <summary>The same section found again further up or down the file.</summary>
    public ParsedBlock Moved(ScannedBlock scan, int lineDelta, int offsetDelta, string newText) =>
        lineDelta == 0 && offsetDelta == 0 ? this with { Scan = scan } : new ParsedBlock(
            scan,
            Id,
            IdPosition.Moved(lineDelta, offsetDelta),
            Pr?.Moved(lineDelta, offsetDelta, newText),
            Diagnostics.Count == 0 ? Diagnostics : Diagnostics.Select(d => d.Moved(lineDelta)).ToArray())
        {
            UnloadedDependencies = UnloadedDependencies,
            UnloadedDependencyPositions = UnloadedDependencyPositions.Count == 0 ? UnloadedDependencyPositions
                : UnloadedDependencyPositions.Select(p => p.Moved(lineDelta, offsetDelta)).ToArray(),
        };
}
