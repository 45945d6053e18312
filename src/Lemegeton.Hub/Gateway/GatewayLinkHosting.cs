using Akka.Actor;
using Akka.Hosting;
using Akka.Pattern;

namespace Lemegeton.Hub.Gateway;

/// <summary>Wiring of the gateway link into the hub's actor system (Akka.Hosting).</summary>
public static class GatewayLinkHosting
{
    /// <summary>The link's name under <c>/user</c>.</summary>
    public const string Name = "gateway-link";

    /// <summary>
    /// Starts <c>/user/gateway-link</c> (a backoff supervisor, 1 s → 30 s, restarting the
    /// <see cref="GatewayLinkActor"/> when it fails, e.g. on an unreadable state file) for the
    /// coordinator in <paramref name="settings"/>, and registers it under <see cref="GatewayLinkActor"/>.
    /// Does nothing when <c>lemegeton.gateway.link.enabled</c> is off.
    /// </summary>
    public static AkkaConfigurationBuilder WithGatewayLink(this AkkaConfigurationBuilder builder, GatewayLinkSettings settings) =>
        builder.WithActors((system, registry) => Start(system, registry, settings));

    /// <summary>As <see cref="WithGatewayLink(AkkaConfigurationBuilder, GatewayLinkSettings)"/>, with the coordinator (or its proxy) taken from the registry under <typeparamref name="TCoordinatorKey"/>.</summary>
    public static AkkaConfigurationBuilder WithGatewayLink<TCoordinatorKey>(this AkkaConfigurationBuilder builder, GatewayLinkSettings settings) =>
        builder.WithActors((system, registry) => Start(system, registry, settings with { Coordinator = registry.Get<TCoordinatorKey>() }));

    /// <summary>Starts the link under <paramref name="system"/> (also for tests without Akka.Hosting).</summary>
    public static IActorRef Start(ActorSystem system, GatewayLinkSettings settings) =>
        system.ActorOf(SupervisedProps(settings), Name);

    /// <summary>The link under a backoff supervisor (restart on failure, 1 s → 30 s, ±20 %).</summary>
    public static Props SupervisedProps(GatewayLinkSettings settings) =>
        BackoffSupervisor.Props(Backoff.OnFailure(GatewayLinkActor.Props(settings), "link", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0.2, -1));

    private static void Start(ActorSystem system, IActorRegistry registry, GatewayLinkSettings settings)
    {
        if (!settings.Options.Enabled) return;
        registry.Register<GatewayLinkActor>(Start(system, settings));
    }
}
