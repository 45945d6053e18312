using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Lemegeton.Hub.Admin;

/// <summary>Registration helpers for admin API endpoints.</summary>
public static class HubAdminEndpointExtensions
{
    /// <summary>Adds a set of endpoints under <c>/v1</c>.</summary>
    public static IServiceCollection AddHubAdminEndpoints<T>(this IServiceCollection services) where T : class, IHubAdminEndpoints =>
        services.AddSingleton<IHubAdminEndpoints, T>();

    /// <summary>Marks an endpoint as one that starts work: it answers 503 <c>stopping</c> once the shutdown began.</summary>
    public static TBuilder StartsWork<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(HubAdminStartsWork.Instance);
}
