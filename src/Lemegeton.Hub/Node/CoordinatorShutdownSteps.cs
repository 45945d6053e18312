using Akka;
using Akka.Actor;
using Lemegeton.Hub.Actors;
using Lemegeton.Hub.Actors.Shutdown;
using Lemegeton.Hub.Daemon;
using Microsoft.Extensions.DependencyInjection;

namespace Lemegeton.Hub.Node;

/// <summary>
/// The hub node's graceful shutdown, as <see cref="IHubShutdownStep"/>s run by <see cref="HubShutdownSequence"/>
/// in stage order, each an ask of the coordinator bounded by the step's timeout: stop assigning → tell the
/// agents (<see cref="Protocol.Coordination.Shutdown"/> with <c>hub.working-agents-grace</c>) → wait until
/// no agent works on a PR (idle agents never delay it) → flush the journal → drain the git commit queue →
/// release the leases (journaled) → leave the cluster (CoordinatedShutdown, which stops the singleton and
/// the actor system; the embedded redis-server is stopped at the same time, nothing being written any more).
/// </summary>
public static class CoordinatorShutdownSteps
{
    public static IServiceCollection AddCoordinatorShutdownSteps(this IServiceCollection services)
    {
        Ask<Done>(services, "stop assigning", HubShutdownStage.StopAssigning, _ => StopAssigning.Instance);
        Ask<Done>(services, "notify agents", HubShutdownStage.NotifyAgents, sp => new AnnounceShutdown(sp.GetRequiredService<HubOptions>().WorkingAgentsGrace));
        Ask<WorkingAgents>(services, "wait for working agents", HubShutdownStage.AwaitWorkingAgents, _ => AwaitNoWorkingAgents.Instance);
        Ask<Done>(services, "flush journal", HubShutdownStage.FlushJournal, _ => FlushJournal.Instance);
        Ask<Done>(services, "final git sync", HubShutdownStage.FinalGitSync, _ => DrainGitCommits.Instance);
        Ask<Done>(services, "release leases", HubShutdownStage.ReleaseLeases, _ => ReleaseAllLeases.Instance);
        services.AddSingleton<IHubShutdownStep>(sp => new HubShutdownStep("leave cluster", HubShutdownStage.LeaveCluster, ct =>
            Task.WhenAll(
                CoordinatedShutdown.Get(sp.GetRequiredService<ActorSystem>()).Run(CoordinatedShutdown.ClusterLeavingReason.Instance),
                sp.GetRequiredService<HubJournal>().StopEmbeddedAsync()).WaitAsync(ct)));
        return services;
    }

    private static void Ask<TAnswer>(IServiceCollection services, string name, HubShutdownStage stage, Func<IServiceProvider, object> message) =>
        services.AddSingleton<IHubShutdownStep>(sp => new HubShutdownStep(name, stage, ct =>
            sp.GetRequiredService<HubCoordinatorRef>().Coordinator.Ask<TAnswer>(message(sp), ct)));
}
