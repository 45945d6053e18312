namespace Lemegeton.Hocon;

/// <summary>
/// A HOCON document could not be parsed, resolved or read as the requested type.
/// The message starts with <c>file:line:col:</c> so editors and terminals can jump to the spot.
/// </summary>
public sealed class HoconException : Exception
{
    public HoconException(HoconPosition position, string problem, Exception? inner = null)
        : base($"{position}: {problem}", inner)
    {
        Position = position;
        Problem = problem;
    }

    /// <summary>Where the problem is.</summary>
    public HoconPosition Position { get; }

    /// <summary>The message without its position prefix.</summary>
    public string Problem { get; }

    /// <summary>The file that holds the problem, or null when the text had no file name.</summary>
    public string? FileName => Position.FileName;

    /// <summary>1-based line of the problem.</summary>
    public int Line => Position.Line;

    /// <summary>1-based column of the problem.</summary>
    public int Column => Position.Column;
}
