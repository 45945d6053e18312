namespace Lemegeton.Hosting;

/// <summary>
/// What differs between the processes that share one configuration: the role, and where an agent
/// binds and finds the hub. Everything else comes from the <c>akka</c> section of the configuration.
/// </summary>
public sealed class LemegetonAkkaOptions
{
    /// <summary>The actor system's name, part of every address (<c>akka.tcp://lemegeton@host:port</c>). Default <c>lemegeton</c>.</summary>
    public string SystemName { get; set; } = LemegetonAkka.DefaultSystemName;

    /// <summary>
    /// The port to bind. Null: the hub binds <c>akka.remote.dot-netty.tcp.port</c> from the configuration
    /// (0 picks a free port); an agent binds 0 (a free port), since the configured port is the hub's.
    /// </summary>
    public int? Port { get; set; }

    /// <summary>
    /// Addresses to join (<c>akka.tcp://lemegeton@127.0.0.1:4053</c>), overriding <c>akka.cluster.seed-nodes</c>.
    /// An agent needs at least one (the hub's); a hub with none joins itself, becoming the cluster's first node.
    /// </summary>
    public IReadOnlyList<string>? SeedNodes { get; set; }
}
