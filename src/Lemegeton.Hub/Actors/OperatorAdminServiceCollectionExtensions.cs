using Lemegeton.Hub.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace Lemegeton.Hub.Actors;

/// <summary>Registers the operator's admin API over the actor tree (docs/admin-api.md).</summary>
public static class OperatorAdminServiceCollectionExtensions
{
    /// <summary>
    /// Adds the coordinator, actor-tree and cluster endpoints. Needs a <see cref="HubCoordinatorRef"/> (the
    /// coordinator's singleton proxy) and an <see cref="Akka.Actor.ActorSystem"/> as services (Akka.Hosting registers the latter).
    /// </summary>
    public static IServiceCollection AddHubOperatorAdmin(this IServiceCollection services) => services
        .AddHubAdminEndpoints<CoordinatorAdminEndpoints>()
        .AddHubAdminEndpoints<ActorTreeAdminEndpoints>()
        .AddHubAdminEndpoints<ClusterAdminEndpoints>();
}
