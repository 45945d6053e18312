namespace Lemegeton.Core.Leases;

/// <summary>The normalised paths of one lease request, or why it was refused.</summary>
/// <param name="Paths">Valid canonical paths, each once, in request order.</param>
/// <param name="Invalid">Paths refused with <c>invalid-path</c>.</param>
/// <param name="RequestedCount">How many paths the request named.</param>
/// <param name="MaxFiles">The per-request limit that applied.</param>
public sealed record LeaseRequestPaths(
    IReadOnlyList<string> Paths,
    IReadOnlyList<LeasePathResult> Invalid,
    int RequestedCount,
    int MaxFiles)
{
    /// <summary>The error code of a request over the per-request limit.</summary>
    public const string TooManyFilesCode = "too-many-files";

    /// <summary>True when the request named more paths than allowed and was refused as a whole.</summary>
    public bool TooManyFiles => RequestedCount > MaxFiles;

    /// <summary>True when the request can be granted as far as its paths are concerned.</summary>
    public bool IsValid => !TooManyFiles && Invalid.Count == 0;

    /// <summary>A message an operator can act on, or null when valid.</summary>
    public string? Error =>
        TooManyFiles ? $"{TooManyFilesCode}: the request names {RequestedCount} paths, more than the limit of {MaxFiles}; lease a directory (ending in '/') or split the work"
        : Invalid.Count > 0 ? string.Join("; ", Invalid.Select(i => $"{LeasePathResult.InvalidPathCode}: '{i.Original}': {i.Error}"))
        : null;
}
