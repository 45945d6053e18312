using Microsoft.Extensions.Hosting;

namespace Lemegeton.Hub.Node;

/// <summary>Chooses (and starts) the journal before the actor system starts: it is registered ahead of it.</summary>
public sealed class HubJournalStarter(HubJournal journal, TimeProvider time) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => journal.StartAsync(time, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
