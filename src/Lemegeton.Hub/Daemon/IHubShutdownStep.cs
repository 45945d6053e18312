namespace Lemegeton.Hub.Daemon;

/// <summary>
/// One step of the hub's graceful shutdown. Register implementations in the host's services
/// (<c>services.AddHubShutdownStep(...)</c>); <see cref="HubShutdownSequence"/> runs them by
/// <see cref="Stage"/>, each bounded by <see cref="Timeout"/>.
/// </summary>
public interface IHubShutdownStep
{
    /// <summary>What the step does, for the log ("flush journal").</summary>
    string Name { get; }

    HubShutdownStage Stage { get; }

    /// <summary>The step's own bound; null uses <c>hub.working-agents-grace</c> for <see cref="HubShutdownStage.AwaitWorkingAgents"/> and <c>hub.shutdown-step-timeout</c> otherwise.</summary>
    TimeSpan? Timeout { get; }

    /// <summary>Runs the step; <paramref name="cancellationToken"/> is cancelled when its time is up. A step that ignores it is abandoned, not awaited.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
