using System.Globalization;
using Akka;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lemegeton.Hub.Spawner;

/// <summary>Starts the spawner in the hub's actor system (Akka.Hosting).</summary>
public static class AgentSpawnerHosting
{
    /// <summary>The spawner's actor name: <c>/user/spawner</c>.</summary>
    public const string ActorName = "spawner";

    /// <summary>The CoordinatedShutdown phase that stops the local agents: the first one, while the cluster and journal still work.</summary>
    public const string ShutdownPhase = CoordinatedShutdown.PhaseBeforeServiceUnbind;

    /// <summary>
    /// Starts <see cref="AgentSpawnerActor"/> as <c>/user/spawner</c> (registered in the ActorRegistry under
    /// <see cref="AgentSpawnerActor"/>) when <paramref name="settings"/> names agents, and stops the agents
    /// in CoordinatedShutdown's first phase (SIGTERM, SIGKILL after <see cref="SpawnerSettings.StopGrace"/>).
    /// With null settings (no <c>--agents</c>) it does nothing.
    /// </summary>
    public static AkkaConfigurationBuilder WithAgentSpawner(this AkkaConfigurationBuilder builder, SpawnerSettings? settings)
    {
        if (settings is null || settings.Agents.Count == 0) return builder;
        // The phase must outlast the grace plus the time to reap the killed processes.
        var phaseTimeout = (settings.StopGrace + TimeSpan.FromSeconds(5)).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        builder.AddHocon($"akka.coordinated-shutdown.phases.{ShutdownPhase}.timeout = {phaseTimeout}ms", HoconAddMode.Prepend);
        return builder.WithActors((system, registry, resolver) =>
        {
            var loggers = resolver.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
            var spawner = system.ActorOf(AgentSpawnerActor.Props(settings, loggers), ActorName);
            registry.Register<AgentSpawnerActor>(spawner);
            AddStopTask(system, spawner, settings);
        });
    }

    /// <summary>Adds the CoordinatedShutdown task that stops every agent process of <paramref name="spawner"/>.</summary>
    public static void AddStopTask(ActorSystem system, IActorRef spawner, SpawnerSettings settings) =>
        CoordinatedShutdown.Get(system).AddTask(ShutdownPhase, "stop-local-agents", async () =>
        {
            try
            {
                await spawner.Ask<AgentsStopped>(StopAgents.Instance, settings.StopGrace + TimeSpan.FromSeconds(3)).ConfigureAwait(false);
            }
            catch (AskTimeoutException)
            {
                // The processes' actors kill their groups when they stop with the system.
            }
            return Done.Instance;
        });
}
