using Akka.Configuration;

namespace Lemegeton.Persistence.Local;

/// <summary>
/// The embedded journal plugin <c>akka.persistence.journal.lemegeton-local</c>: Akka.Persistence
/// over a <see cref="FileJournalStore"/> in the section's <c>directory</c>. Needs no server.
/// </summary>
public sealed class LocalFileJournal(Config config) : StoreBackedJournal
{
    protected override IJournalStore CreateStore()
    {
        var (directory, options) = LocalJournalConfig.ReadLocal(config);
        return FileJournalStore.Open(directory, options, TimeProvider.System, PluginLogging.For(Context, typeof(FileJournalStore).FullName!));
    }
}
