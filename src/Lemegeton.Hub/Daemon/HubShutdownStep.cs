namespace Lemegeton.Hub.Daemon;

/// <summary>A shutdown step made from a delegate.</summary>
public sealed class HubShutdownStep(string name, HubShutdownStage stage, Func<CancellationToken, Task> run, TimeSpan? timeout = null) : IHubShutdownStep
{
    public string Name { get; } = name;

    public HubShutdownStage Stage { get; } = stage;

    public TimeSpan? Timeout { get; } = timeout;

    public Task RunAsync(CancellationToken cancellationToken) => run(cancellationToken);
}
