using Microsoft.Extensions.DependencyInjection;

namespace Lemegeton.Hub.Daemon;

/// <summary>How the actor tree (and anything else) adds steps to the hub's graceful shutdown.</summary>
public static class HubShutdownServiceCollectionExtensions
{
    public static IServiceCollection AddHubShutdownStep(this IServiceCollection services, IHubShutdownStep step) =>
        services.AddSingleton<IHubShutdownStep>(step);

    public static IServiceCollection AddHubShutdownStep<TStep>(this IServiceCollection services) where TStep : class, IHubShutdownStep =>
        services.AddSingleton<IHubShutdownStep, TStep>();
}
