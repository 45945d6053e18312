using Microsoft.Extensions.Hosting;

namespace Lemegeton.Hub.Daemon;

/// <summary>
/// Runs <see cref="HubShutdownSequence"/> when the host begins to stop, before any hosted service
/// (Kestrel, the actor system) is stopped, so the admin API still answers <c>/v1/status</c> meanwhile.
/// </summary>
public sealed class HubShutdownService(HubShutdownSequence sequence, HubRuntimeState state) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        state.MarkStopping();
        await sequence.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
