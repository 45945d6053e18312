namespace Lemegeton.Storage.Leases;

/// <summary>
/// What the domain does to requested paths before they are leased: normalisation, refusal of
/// unsafe paths (absolute, <c>..</c>, NUL, outside the repository) and paired test-file expansion.
/// </summary>
public interface ILeasePathPolicy
{
    /// <summary>
    /// Returns the files to lease (distinct, normalised, paired files added), or false with an
    /// error naming the offending path.
    /// </summary>
    bool TryPrepare(IReadOnlyList<string> requested, out IReadOnlyList<string> files, out string? error);
}
