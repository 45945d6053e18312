using Akka.Actor;
using Akka.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lemegeton.Persistence.Local.Tests.Infrastructure;

/// <summary>A primary store factory for plugin wiring tests: a second local store in <c>primary.directory</c>.</summary>
public sealed class FileStoreFactory : IJournalStoreFactory
{
    public IJournalStore Create(ActorSystem system, Config config) =>
        FileJournalStore.Open(config.GetString("directory"), new LocalJournalOptions(), TimeProvider.System, NullLogger.Instance);
}
