using Lemegeton.Storage.Leases;

namespace Lemegeton.Storage.Tests.Infrastructure;

/// <summary>Lease owners for tests: agent-N works in session s-N on PR-00N unless told otherwise.</summary>
public static class TestOwners
{
    public static LeaseOwner O(int agent, int pr = 0, string? session = null) =>
        new($"agent-{agent}", session ?? $"s-{agent}", $"PR-{(pr == 0 ? agent : pr):000}");
}
