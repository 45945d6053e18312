using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Hosting;

namespace Lemegeton.Hosting;

/// <summary>
/// The coordinator is a cluster singleton on role <c>hub</c>: one instance in the cluster, on the
/// oldest hub node (so a standby hub can take over later), reached from anywhere through a proxy.
/// These wrappers fix the role so the hub and the agents cannot disagree on it.
/// </summary>
public static class HubCoordinatorSingleton
{
    /// <summary>
    /// The singleton's name unless the caller gives another: its manager is <c>/user/coordinator</c> and the singleton
    /// <c>/user/coordinator/coordinator</c>, so a proxy built by hand needs <c>WithSingletonName(DefaultName)</c> (Akka's default is <c>singleton</c>).
    /// </summary>
    public const string DefaultName = "coordinator";

    /// <summary>
    /// On a hub node: starts the singleton manager for <paramref name="props"/> on role <c>hub</c>,
    /// and registers a proxy to it in the ActorRegistry under <typeparamref name="TKey"/>.
    /// </summary>
    public static AkkaConfigurationBuilder WithHubCoordinator<TKey>(this AkkaConfigurationBuilder builder, Props props, string name = DefaultName) =>
        builder.WithSingleton<TKey>(name, props, new ClusterSingletonOptions { Role = NodeRoleNames.Hub }, createProxyToo: true);

    /// <summary>On an agent node: registers a proxy to the hub's coordinator singleton under <typeparamref name="TKey"/>.</summary>
    public static AkkaConfigurationBuilder WithHubCoordinatorProxy<TKey>(this AkkaConfigurationBuilder builder, string name = DefaultName) =>
        builder.WithSingletonProxy<TKey>(name, new ClusterSingletonOptions { Role = NodeRoleNames.Hub });
}
