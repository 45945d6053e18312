using Lemegeton.Storage.Leases;

namespace Lemegeton.Storage.Tests.Infrastructure;

/// <summary>Leases exactly the requested paths (distinct): lets lease tests control the key set.</summary>
public sealed class DistinctPathPolicy : ILeasePathPolicy
{
    public bool TryPrepare(IReadOnlyList<string> requested, out IReadOnlyList<string> files, out string? error)
    {
        files = requested.Distinct(StringComparer.Ordinal).ToArray();
        error = null;
        return true;
    }
}
