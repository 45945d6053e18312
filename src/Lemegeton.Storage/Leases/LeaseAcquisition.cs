namespace Lemegeton.Storage.Leases;

/// <summary>
/// The outcome of an all-or-nothing acquisition: either every file was granted under one
/// fencing token, or nothing was and <see cref="Conflicts"/> names the holder of each file
/// held by someone else (or <see cref="Error"/> says why the request was refused).
/// </summary>
public sealed record LeaseAcquisition
{
    public required bool Granted { get; init; }

    /// <summary>The files leased (or asked for), after validation and paired-file expansion.</summary>
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>The grant's fencing token; 0 when nothing was granted.</summary>
    public long FencingToken { get; init; }

    public IReadOnlyList<LeaseHolder> Conflicts { get; init; } = [];

    /// <summary>Why the request was refused before Redis was asked (bad path, too many files).</summary>
    public string? Error { get; init; }
}
