namespace Lemegeton.Core.TaskList;

/// <summary>
/// Where one PR section sits in the text, as found by <see cref="TaskListScanner"/>: the heading,
/// the <c>---</c>…<c>---</c> YAML block directly under it, and the body. Offsets are 0-based
/// character indexes; lines are 1-based.
/// </summary>
internal readonly record struct ScannedBlock
{
    /// <summary>Start of the section: the heading line, or the opening <c>---</c> of a block without a heading.</summary>
    public int SectionStart { get; init; }
    public int SectionEnd { get; init; }
    public int SectionLine { get; init; }

    /// <summary>Id and title from the <c>### PR-…: Title</c> heading; null when the block has no heading.</summary>
    public string? HeadingId { get; init; }
    public string? HeadingTitle { get; init; }

    /// <summary>Line of the opening <c>---</c>, 0 when the heading has no YAML block under it.</summary>
    public int OpenLine { get; init; }

    /// <summary>First character of the first YAML line, and the start of the closing <c>---</c> line (or where the scan gave up).</summary>
    public int YamlStart { get; init; }
    public int YamlEnd { get; init; }

    /// <summary>Line of the first YAML line.</summary>
    public int YamlLine { get; init; }

    /// <summary>False when no closing <c>---</c> was found before the next PR heading or the end.</summary>
    public bool Closed { get; init; }

    public int BodyStart { get; init; }

    public bool HasYaml => OpenLine > 0;

    /// <summary>The same section found <paramref name="lineDelta"/> lines and <paramref name="offsetDelta"/> characters further on.</summary>
    public ScannedBlock Moved(int lineDelta, int offsetDelta) => this with
    {
        SectionStart = SectionStart + offsetDelta,
        SectionEnd = SectionEnd + offsetDelta,
        SectionLine = SectionLine + lineDelta,
        OpenLine = OpenLine == 0 ? 0 : OpenLine + lineDelta,
        YamlStart = YamlStart + offsetDelta,
        YamlEnd = YamlEnd + offsetDelta,
        YamlLine = YamlLine + lineDelta,
        BodyStart = BodyStart + offsetDelta,
    };
    public int SectionLength => SectionEnd - SectionStart;
}
