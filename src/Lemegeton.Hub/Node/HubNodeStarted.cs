using Akka.Actor;
using Akka.Cluster;
using Akka.Hosting;
using Lemegeton.Hub.Daemon;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Hub.Node;

/// <summary>
/// Runs once the actor system has started (registered after it): checks that it did (Akka.Hosting logs a
/// failed start and stops the host rather than failing it, so the daemon would otherwise report ready),
/// starts the <see cref="RuntimeStatusRefresher"/> and writes <c>.lemegeton/hub.address</c>; removes the
/// file when the host stops.
/// </summary>
public sealed partial class HubNodeStarted(IServiceProvider services, HubPaths paths, IHostApplicationLifetime lifetime, ILogger<HubNodeStarted> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ActorSystem? system = null;
        try { system = services.GetService<ActorSystem>(); }
        catch (Exception e) when (e is InvalidOperationException or NullReferenceException or ArgumentNullException) { }

        if (system is null || lifetime.ApplicationStopping.IsCancellationRequested || system.WhenTerminated.IsCompleted)
            throw new HubStartupException($"the actor system did not start (see the log in {services.GetRequiredService<HubRuntimeState>().LogDirectory})");

        var coordinator = services.GetRequiredService<ActorRegistry>().Get<HubCoordinatorKey>();
        system.ActorOf(RuntimeStatusRefresher.Props(coordinator, services.GetRequiredService<CoordinatorRuntimeStatus>()), "runtime-status");
        var address = Cluster.Get(system).SelfAddress.ToString();
        HubAddressFile.Write(paths, address);
        LogAddress(logger, address, HubAddressFile.PathOf(paths));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        HubAddressFile.Remove(paths);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Hub node at {Address}, written to {AddressFile}")]
    private static partial void LogAddress(ILogger logger, string address, string addressFile);
}
