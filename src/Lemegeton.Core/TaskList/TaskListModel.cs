using Lemegeton.Core.States;

namespace Lemegeton.Core.TaskList;

/// <summary>A position in the task-list text: 1-based line and column, 0-based character offset.</summary>
public readonly record struct SourcePosition(int Line, int Column, int Offset)
{
    public override string ToString() => $"{Line}:{Column}";

    internal SourcePosition Moved(int lineDelta, int offsetDelta) => new(Line + lineDelta, Column, Offset + offsetDelta);
}

/// <summary>A half-open character range [Start, End) in the task-list text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    internal TextSpan Moved(int delta) => new(Start + delta, End + delta);
}

public sealed record PrComplexity(int Score, int EstimatedMinutes, ModelTier? SuggestedModel, string Rationale);

/// <summary>One entry of <c>estimated_files</c> or <c>actual_files</c>.</summary>
public sealed record PrFile(string Path, FileAction Action, string? Description, int? LinesAdded = null, int? LinesRemoved = null);

/// <summary>The header metadata before the first PR (spec §2.5). Values are null when absent.</summary>
public sealed record TaskListHeader(
    string? Title,
    string? GeneratedFor,
    int? EstimatedTotalComplexity,
    RecommendedAgents? RecommendedAgents);

public sealed record RecommendedAgents(int? Haiku, int? Sonnet, int? Opus);

/// <summary>
/// One <c>### PR-…</c> section: its YAML block, parsed into typed fields, plus the Markdown body.
/// Unknown YAML keys are kept in <see cref="UnknownKeys"/> in their original order.
/// </summary>
public sealed record PullRequest
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required ColdState ColdState { get; init; }
    public Priority Priority { get; init; } = Priority.Medium;
    public PrComplexity? Complexity { get; init; }
    public IReadOnlyList<string> Dependencies { get; init; } = [];
    public IReadOnlyList<PrFile> EstimatedFiles { get; init; } = [];
    public IReadOnlyList<PrFile> ActualFiles { get; init; } = [];
    public IReadOnlyList<KeyValuePair<string, object?>> UnknownKeys { get; init; } = [];

    /// <summary>
    /// The Markdown after the closing <c>---</c>, up to the next PR heading or the next level 1–2
    /// heading (a <c>## Block …</c> banner), exclusive. Kept byte for byte. Sliced from the
    /// document text on first use, so loading a large list does not copy every body.
    /// </summary>
    public string Body
    {
        get => _body ??= _source is null ? "" : _source.Substring(_bodySpan.Start, _bodySpan.Length);
        init => _body = value;
    }

    private string? _body;
    private string? _source;
    private TextSpan _bodySpan;

    /// <summary>Makes <see cref="Body"/> the given part of the task-list text, read when first asked for.</summary>
    internal PullRequest WithBodyIn(string source, TextSpan span)
    {
        if (_body is not null) return this;
        _source = source;
        _bodySpan = span;
        return this;
    }

    /// <summary>The title written in the <c>### PR-…: Title</c> heading; null for a block without a heading.</summary>
    public string? HeadingTitle { get; init; }

    /// <summary>Where the <c>pr_id</c> value starts.</summary>
    public SourcePosition IdPosition { get; init; }

    /// <summary>The characters of the <c>cold_state</c> value (quotes included), which the writer replaces in place.</summary>
    public TextSpan ColdStateValue { get; init; }

    /// <summary>Where each entry of <see cref="Dependencies"/> starts, in the same order.</summary>
    public IReadOnlyList<SourcePosition> DependencyPositions { get; init; } = [];

    /// <summary>Where the <c>### PR-…</c> heading starts.</summary>
    public SourcePosition Heading { get; init; }

    /// <summary>The whole section: heading through the end of the body.</summary>
    public TextSpan Section { get; init; }

    /// <summary>The YAML text between the two <c>---</c> lines.</summary>
    public TextSpan YamlBlock { get; init; }

    /// <summary>The files this PR touches or expects to touch: the union of estimated and actual files (spec §7.1).</summary>
    public IEnumerable<string> Files =>
        ActualFiles.Count == 0 ? EstimatedFiles.Select(f => f.Path)
        : EstimatedFiles.Select(f => f.Path).Concat(ActualFiles.Select(f => f.Path)).Distinct(StringComparer.Ordinal);

    /// <summary>Complexity score, 1 when the block has none.</summary>
    public int Score => Complexity?.Score ?? 1;

    /// <summary>The body's bold-labelled sections (<c>**Description:**</c>, <c>**Notes:**</c>, …), read with Markdig on each call.</summary>
    public IReadOnlyList<PrBodySection> GetSections() => PrBodyReader.ReadSections(Body);

    /// <summary>The checkbox items of the <c>**Acceptance Criteria:**</c> section, read with Markdig on each call.</summary>
    public IReadOnlyList<AcceptanceCriterion> GetAcceptanceCriteria() => PrBodyReader.ReadAcceptanceCriteria(Body);

    /// <summary>This PR moved by whole lines inside the file (now <paramref name="newText"/>): same content, positions shifted.</summary>
    internal PullRequest Moved(int lineDelta, int offsetDelta, string newText) => (this with
    {
        Heading = Heading.Moved(lineDelta, offsetDelta),
        Section = Section.Moved(offsetDelta),
        YamlBlock = YamlBlock.Moved(offsetDelta),
        IdPosition = IdPosition.Moved(lineDelta, offsetDelta),
        ColdStateValue = ColdStateValue.Moved(offsetDelta),
        DependencyPositions = MovedAll(DependencyPositions, lineDelta, offsetDelta),
    }).WithBodyIn(newText, _bodySpan.Moved(offsetDelta));

    private static IReadOnlyList<SourcePosition> MovedAll(IReadOnlyList<SourcePosition> positions, int lineDelta, int offsetDelta)
    {
        if (positions.Count == 0) return positions;
        var moved = new SourcePosition[positions.Count];
        for (var i = 0; i < moved.Length; i++) moved[i] = positions[i].Moved(lineDelta, offsetDelta);
        return moved;
    }
}
