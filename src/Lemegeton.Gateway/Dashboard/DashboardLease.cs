namespace Lemegeton.Gateway.Dashboard;

/// <summary>One leased file as the dashboard shows it (State.leases).</summary>
internal sealed record DashboardLease(string File, string Agent, string? Pr, long FencingToken, long? ExpiresAt);
