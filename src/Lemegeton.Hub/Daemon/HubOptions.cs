namespace Lemegeton.Hub.Daemon;

/// <summary>The hub daemon's lifecycle settings (<c>lemegeton.hub.*</c>).</summary>
public sealed class HubOptions
{
    /// <summary>How long <c>hub stop</c> waits after SIGTERM before it sends SIGKILL. Default 45 s, above <see cref="ShutdownTimeout"/> so a graceful stop can finish.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>Upper bound of the whole graceful shutdown sequence; steps still running then are abandoned. Default 40 s.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(40);

    /// <summary>How long the shutdown waits for agents that are working on a PR (idle agents are not waited for). Default 30 s.</summary>
    public TimeSpan WorkingAgentsGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Bound of every other shutdown step (flush journal, git sync, …). Default 5 s.</summary>
    public TimeSpan ShutdownStepTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long <c>hub start</c> waits for the background hub to answer on its admin socket. Default 30 s.</summary>
    public TimeSpan ReadyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Repeats of the same signal within this window count as one. Default 250 ms.</summary>
    public TimeSpan SignalDebounce { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Problems with these values, each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Positive(StopTimeout, "stop-timeout");
        Positive(ShutdownTimeout, "shutdown-timeout");
        Positive(WorkingAgentsGrace, "working-agents-grace");
        Positive(ShutdownStepTimeout, "shutdown-step-timeout");
        Positive(ReadyTimeout, "ready-timeout");
        if (SignalDebounce < TimeSpan.Zero) errors.Add($"lemegeton.hub.signal-debounce: {SignalDebounce} must not be negative.");
        if (WorkingAgentsGrace > ShutdownTimeout)
            errors.Add($"lemegeton.hub.working-agents-grace: {WorkingAgentsGrace} exceeds lemegeton.hub.shutdown-timeout ({ShutdownTimeout}); the grace must fit in the shutdown.");
        if (StopTimeout <= ShutdownTimeout)
            errors.Add($"lemegeton.hub.stop-timeout: {StopTimeout} must exceed lemegeton.hub.shutdown-timeout ({ShutdownTimeout}), or hub stop kills a hub that is still shutting down gracefully.");
        return errors;

        void Positive(TimeSpan value, string key)
        {
            if (value <= TimeSpan.Zero) errors.Add($"lemegeton.hub.{key}: {value} must be positive.");
        }
    }
}
