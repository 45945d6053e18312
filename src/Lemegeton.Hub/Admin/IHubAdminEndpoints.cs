using Microsoft.AspNetCore.Routing;

namespace Lemegeton.Hub.Admin;

/// <summary>
/// The registration point for admin API endpoints beyond status and shutdown (<c>/v1/agents</c>,
/// <c>/v1/prs</c>, <c>/v1/leases</c>, <c>/v1/mode</c>, <c>/v1/actors</c>): register an implementation
/// with <c>services.AddHubAdminEndpoints&lt;T&gt;()</c>; <see cref="Map"/> receives the <c>/v1</c> group.
/// Mark endpoints that start work with <c>.StartsWork()</c> so they are refused during shutdown.
/// </summary>
public interface IHubAdminEndpoints
{
    void Map(IEndpointRouteBuilder v1);
}
