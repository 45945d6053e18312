namespace Lemegeton.Core.Leases;

/// <summary>
/// The outcome of normalising one lease path: either the repository-relative path in canonical form
/// (forward slashes, no <c>.</c> or empty segments, a trailing <c>/</c> kept for directories) or the
/// reason it was refused.
/// </summary>
public readonly record struct LeasePathResult
{
    /// <summary>The error code of every refused path, as sent on the wire.</summary>
    public const string InvalidPathCode = "invalid-path";

    private LeasePathResult(string original, string? path, string? error)
    {
        Original = original;
        Path = path;
        Error = error;
    }

    /// <summary>The text as requested.</summary>
    public string Original { get; }

    /// <summary>The canonical path; null when refused.</summary>
    public string? Path { get; }

    /// <summary>Why the path was refused, in words an operator can act on; null when valid.</summary>
    public string? Error { get; }

    public bool IsValid => Path is not null;

    /// <summary><see cref="InvalidPathCode"/> when refused, otherwise null.</summary>
    public string? ErrorCode => IsValid ? null : InvalidPathCode;

    /// <summary>True when the path names a directory (ends with <c>/</c>) and so covers everything under it.</summary>
    public bool IsDirectory => Path is not null && Path.EndsWith('/');

    internal static LeasePathResult Valid(string original, string path) => new(original, path, null);
    internal static LeasePathResult Invalid(string original, string error) => new(original, null, error);

    public override string ToString() => IsValid ? Path! : $"{InvalidPathCode}: {Error}";
}
