using System.Globalization;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using Lemegeton.Hocon;
using Lemegeton.Hosting.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Hosting;

/// <summary>
/// Starts a Lemegeton cluster node (hub or agent) on the generic host with Akka.Hosting: the
/// <c>akka</c> section of our configuration, remoting, clustering with the node's role, Akka's logs
/// through the host's <see cref="ILoggerFactory"/> (Serilog in the product), and CoordinatedShutdown
/// tied to the host's lifetime (Akka.Hosting's hosted service runs it when the host stops, and stops
/// the host when the actor system terminates, e.g. after this node was downed).
/// </summary>
public static partial class LemegetonAkka
{
    /// <summary>The actor system's name unless <see cref="LemegetonAkkaOptions.SystemName"/> says otherwise.</summary>
    public const string DefaultSystemName = "lemegeton";

    /// <summary>Adds the node's actor system to the host; see <see cref="WithLemegetonCluster"/>.</summary>
    /// <param name="configure">
    /// Runs last, to add the caller's actors, singletons and serializers
    /// (<c>builder.WithCustomSerializer("lemegeton-json", [typeof(IProtocolMessage)], s =&gt; new …(s))</c>).
    /// </param>
    public static IServiceCollection AddLemegetonAkka(
        this IServiceCollection services,
        AkkaConfiguration akka,
        NodeRole role,
        LemegetonAkkaOptions? options = null,
        Action<AkkaConfigurationBuilder, IServiceProvider>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(akka);
        options ??= new LemegetonAkkaOptions();
        var node = NodeSettings.Resolve(akka, role, options);
        return services.AddAkka(options.SystemName, (builder, provider) =>
        {
            builder.WithLemegetonCluster(node);
            configure?.Invoke(builder, provider);
        });
    }

    /// <inheritdoc cref="AddLemegetonAkka(IServiceCollection, AkkaConfiguration, NodeRole, LemegetonAkkaOptions?, Action{AkkaConfigurationBuilder, IServiceProvider}?)"/>
    public static IServiceCollection AddLemegetonAkka(
        this IServiceCollection services,
        AkkaConfiguration akka,
        NodeRole role,
        LemegetonAkkaOptions? options,
        Action<AkkaConfigurationBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddLemegetonAkka(akka, role, options, (builder, _) => configure(builder));
    }

    /// <summary>
    /// Configures a builder (for callers that call <c>AddAkka</c> themselves; the system name must be
    /// <see cref="LemegetonAkkaOptions.SystemName"/>). In order, later winning over earlier:
    /// the logger bridge, Akka.Cluster's defaults, our <c>akka</c> section, then what is specific to this
    /// node: its role, its port (an agent's is 0 unless set), its seed nodes; a hub without seed nodes
    /// joins itself once started, and a hub node runs <see cref="AgentNodeDowning"/> (downs a lost agent node at once).
    /// </summary>
    /// <exception cref="FormatException">A seed node is not an address of this actor system; the message names the key.</exception>
    /// <exception cref="InvalidOperationException">An agent has no seed node to join.</exception>
    public static AkkaConfigurationBuilder WithLemegetonCluster(
        this AkkaConfigurationBuilder builder,
        AkkaConfiguration akka,
        NodeRole role,
        LemegetonAkkaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(akka);
        return builder.WithLemegetonCluster(NodeSettings.Resolve(akka, role, options ?? new LemegetonAkkaOptions()));
    }

    private static AkkaConfigurationBuilder WithLemegetonCluster(this AkkaConfigurationBuilder builder, NodeSettings node)
    {
        // Akka's log events go to the host's ILoggerFactory; the level is akka.loglevel from our section.
        builder.ConfigureLoggers(loggers =>
        {
            loggers.ClearLoggers();
            loggers.AddLoggerFactory();
        });
        builder.AddHocon(node.Akka.ToConfig(), HoconAddMode.Prepend);
        builder.WithClustering(new ClusterOptions { Roles = [node.RoleName] });
        if (node.NodeHocon() is { Length: > 0 } nodeHocon)
        {
            builder.AddHocon(nodeHocon, HoconAddMode.Prepend);
        }

        builder.AddStartup((system, _) =>
        {
            var cluster = Cluster.Get(system);
            if (node.JoinSelf)
            {
                cluster.Join(cluster.SelfAddress);
            }

            if (node.RoleName == NodeRoleNames.Hub)
            {
                system.ActorOf(AgentNodeDowning.Props(), AgentNodeDowning.ActorName);
            }

            var logger = system.Settings.Setup.Get<Akka.Hosting.Logging.LoggerFactorySetup>().Value?.LoggerFactory
                .CreateLogger(typeof(LemegetonAkka).FullName!);
            if (logger is not null)
            {
                LogNodeStarted(logger, node.RoleName, cluster.SelfAddress.ToString(), node.SeedNodes.Count == 0 ? "itself" : string.Join(", ", node.SeedNodes));
            }
        });
        return builder;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Akka node {Address} started with role {Role}, joining {SeedNodes}")]
    private static partial void LogNodeStarted(ILogger logger, string role, string address, string seedNodes);

    /// <summary>What one node adds over the shared configuration, checked before the host starts.</summary>
    private sealed record NodeSettings(AkkaConfiguration Akka, string RoleName, int? Port, IReadOnlyList<string> SeedNodes, bool SeedNodesFromOptions, bool JoinSelf)
    {
        public static NodeSettings Resolve(AkkaConfiguration akka, NodeRole role, LemegetonAkkaOptions options)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(options.SystemName, nameof(options.SystemName));
            var roleName = NodeRoleNames.Of(role);
            var fromOptions = options.SeedNodes is not null;
            var seeds = options.SeedNodes ?? ConfiguredSeedNodes(akka);
            var key = fromOptions ? "seed nodes given to the node" : "akka.cluster.seed-nodes";
            foreach (var seed in seeds)
            {
                Address address;
                try
                {
                    address = Address.Parse(seed);
                }
                catch (Exception e) when (e is UriFormatException or ArgumentException or FormatException)
                {
                    throw new FormatException($"{key}: '{seed}' is not an Akka address such as akka.tcp://{options.SystemName}@127.0.0.1:4053", e);
                }

                if (address.System != options.SystemName)
                {
                    throw new FormatException($"{key}: '{seed}' names the actor system '{address.System}', but this node's is '{options.SystemName}'; nodes of different systems cannot join.");
                }
            }

            if (role == NodeRole.Agent && seeds.Count == 0)
            {
                throw new InvalidOperationException(
                    $"An agent needs the hub's address to join: set akka.cluster.seed-nodes (e.g. [\"akka.tcp://{options.SystemName}@127.0.0.1:4053\"]) or pass it to the agent.");
            }

            var port = options.Port ?? (role == NodeRole.Agent ? 0 : null);
            return new NodeSettings(akka, roleName, port, seeds, fromOptions, JoinSelf: role == NodeRole.Hub && seeds.Count == 0);
        }

        public string NodeHocon()
        {
            var lines = new List<string>();
            if (Port is { } port)
            {
                lines.Add($"akka.remote.dot-netty.tcp.port = {port.ToString(CultureInfo.InvariantCulture)}");
            }

            if (SeedNodesFromOptions)
            {
                lines.Add($"akka.cluster.seed-nodes = [{string.Join(", ", SeedNodes.Select(AkkaHoconWriter.Quote))}]");
            }

            return string.Join('\n', lines);
        }

        private static List<string> ConfiguredSeedNodes(AkkaConfiguration akka) => akka.Find("akka.cluster.seed-nodes") switch
        {
            HoconArray array => array.Items.OfType<HoconScalar>().Select(s => s.Text).ToList(),
            HoconScalar { IsNull: false, Text.Length: > 0 } single => [single.Text],
            _ => [],
        };
    }
}
