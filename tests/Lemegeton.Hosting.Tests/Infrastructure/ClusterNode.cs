using System.Collections;
using Akka.Actor;
using Akka.Cluster;
using Akka.Hosting;
using Lemegeton.Hocon.Configuration;
using Lemegeton.Hosting.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;

namespace Lemegeton.Hosting.Tests.Infrastructure;

/// <summary>
/// A real node on a real generic host: the product's configuration layers for a temporary project,
/// <see cref="LemegetonAkka.AddLemegetonAkka(IServiceCollection, AkkaConfiguration, NodeRole, LemegetonAkkaOptions?, Action{AkkaConfigurationBuilder, IServiceProvider}?)"/>,
/// Serilog as the host's logging with an in-memory sink. Disposing stops the host (CoordinatedShutdown).
/// </summary>
public sealed class ClusterNode : IAsyncDisposable
{
    private ClusterNode(IHost host, InMemorySink logs)
    {
        Host = host;
        Logs = logs;
        System = host.Services.GetRequiredService<ActorSystem>();
        Registry = host.Services.GetRequiredService<ActorRegistry>();
    }

    public IHost Host { get; }

    public ActorSystem System { get; }

    public ActorRegistry Registry { get; }

    public InMemorySink Logs { get; }

    public Cluster Cluster => Cluster.Get(System);

    public Address Address => Cluster.SelfAddress;

    /// <summary>A hub on a free loopback port that joins itself, its configuration from <paramref name="projectConf"/> and <paramref name="flags"/>.</summary>
    public static Task<ClusterNode> StartHubAsync(string? projectConf = null, IEnumerable<string>? flags = null, Action<AkkaConfigurationBuilder>? configure = null) =>
        StartAsync(NodeRole.Hub, new LemegetonAkkaOptions { Port = 0, SeedNodes = [] }, projectConf, flags, configure);

    /// <summary>An agent on a free loopback port that joins <paramref name="hub"/>.</summary>
    public static Task<ClusterNode> StartAgentAsync(ClusterNode hub, string? projectConf = null, Action<AkkaConfigurationBuilder>? configure = null) =>
        StartAsync(NodeRole.Agent, new LemegetonAkkaOptions { SeedNodes = [hub.Address.ToString()] }, projectConf, null, configure);

    public static AkkaConfiguration LoadAkka(string? projectConf, IEnumerable<string>? flags = null)
    {
        using var project = new TempProject(projectConf);
        return AkkaConfiguration.From(LemegetonConfiguration.LoadHocon(project.Directory, new Hashtable()), flags);
    }

    public static async Task<ClusterNode> StartAsync(NodeRole role, LemegetonAkkaOptions options, string? projectConf, IEnumerable<string>? flags, Action<AkkaConfigurationBuilder>? configure)
    {
        var akka = LoadAkka(projectConf, flags);
        var sink = new InMemorySink();
        var serilog = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(sink).CreateLogger();
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddSerilog(serilog, dispose: true);
        builder.Services.AddLemegetonAkka(akka, role, options, b => configure?.Invoke(b));
        var host = builder.Build();
        await host.StartAsync();
        return new ClusterNode(host, sink);
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Host.StopAsync(cts.Token);
        Host.Dispose();
    }
}
